print("nhipcau")
