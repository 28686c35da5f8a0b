import NhipCauCore

/// The text of every file `nhipcau init` writes: one example of each kind of content, all linked
/// together, so the officer sees every feature working and copies from it.
enum ScaffoldFiles {
    static let storySlug = "chi-mai-va-ba-nam-o-nhat-ban"

    static func all(today: SimpleDate) -> [ScaffoldFile] {
        let planYear = today.year - 1
        return [
            ScaffoldFile(path: "HUONG-DAN.md", text: ScaffoldGuide.text),
            ScaffoldFile(path: "content/site.yml", text: siteConfig),
            ScaffoldFile(path: "content/stories/\(storySlug).md", text: story(today: today, planYear: planYear)),
            ScaffoldFile(path: "content/markets/nhat-ban.md", text: market),
            ScaffoldFile(path: "content/policies/luat-69-2020.md", text: policy),
            ScaffoldFile(path: "content/pages/gioi-thieu.md", text: page(planYear: planYear)),
            ScaffoldFile(path: "content/targets/\(planID(planYear)).json", text: targetPlan(year: planYear)),
            ScaffoldFile(path: "content/media/minh-hoa.svg", text: image),
        ]
    }

    static func planID(_ year: Int) -> String { "ke-hoach-\(year)" }

    static let siteConfig = """
    # Thông tin chung của cổng. Sửa các dòng dưới đây cho đúng đơn vị của bạn.
    title: "Cổng thông tin đi làm việc ở nước ngoài theo hợp đồng"
    organization: "Tên đơn vị của bạn"
    description: "Thông tin chính sách, thị trường, kết quả và những câu chuyện thành công về đưa người lao động đi làm việc ở nước ngoài theo hợp đồng."
    language: vi
    # base_url: "https://xkld.tentinh.gov.vn/"   (bỏ dấu # khi đã có địa chỉ thật)
    contact:
      hotline: "1800 0000 (sửa thành số thật, nên là số 1800 miễn phí)"
      email: "lienhe@example.gov.vn"
      address: "Địa chỉ của đơn vị"

    """

    static func story(today: SimpleDate, planYear: Int) -> String {
        """
        ---
        title: "Chị Mai và ba năm ở Nhật Bản"
        date: \(today.iso)
        summary: "Câu chuyện mẫu: từ công nhân thời vụ, chị Mai sang Nhật Bản làm chế biến thực phẩm rồi về quê mở xưởng nhỏ."
        person: "Chị T.T.M., xã An Bình"
        market: nhat-ban
        area: xa-an-binh
        tags: [Nhật Bản, chế biến thực phẩm]
        image: media/minh-hoa.svg
        image_alt: "Hình minh họa một cây cầu nối hai bờ sông"
        ---

        Đây là **câu chuyện mẫu**. Hãy thay bằng câu chuyện thật đã được người trong chuyện đồng ý.

        Chị Mai tìm hiểu thị trường [Nhật Bản](../markets/nhat-ban.md) ở buổi tư vấn của xã, chọn doanh nghiệp
        có giấy phép theo [Luật 69/2020/QH14](../policies/luat-69-2020.md) và học tiếng gần sáu tháng.

        ![Cây cầu nối hai bờ sông](../media/minh-hoa.svg)

        Xã An Bình ghi kết quả năm \(planYear) trong [trang giới thiệu](../pages/gioi-thieu.md).

        """
    }

    static let market = """
    ---
    title: "Nhật Bản"
    country: "Nhật Bản"
    summary: "Thị trường thu nhập cao; phần lớn lao động đi theo chương trình thực tập kỹ năng."
    income_vnd: [25000000, 35000000]
    cost_vnd: 100000000
    contract: "3 năm"
    sectors: [nông nghiệp, chế biến thực phẩm, cơ khí]
    requirements: "Từ 18 tuổi, sức khỏe tốt; học tiếng Nhật trước khi xuất cảnh."
    ---

    Giới thiệu thị trường: chương trình, ngành nghề, thu nhập và chi phí (ghi rõ là mức tham khảo).

    """

    static let policy = """
    ---
    title: "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng"
    number: "69/2020/QH14"
    issuer: "Quốc hội"
    issued: 2020-11-13
    effective: 2022-01-01
    summary: "Luật hiện hành về người lao động đi làm việc ở nước ngoài theo hợp đồng."
    ---

    Tóm tắt bằng lời dễ hiểu những điểm người lao động cần biết.

    ```table
    Bước	Người lao động cần làm
    1	Tìm hiểu thị trường ở Trung tâm Dịch vụ việc làm
    2	Chọn doanh nghiệp có giấy phép
    3	Ký hợp đồng bằng văn bản
    ```

    """

    static func page(planYear: Int) -> String {
        """
        ---
        title: "Giới thiệu"
        summary: "Cổng thông tin này do ai quản lý, để làm gì."
        menu: 1
        ---

        Giới thiệu đơn vị quản lý cổng thông tin. Xem câu chuyện mẫu
        [Chị Mai và ba năm ở Nhật Bản](../stories/\(storySlug).md).

        ## Kết quả năm \(planYear) (số liệu mẫu)

        ```chart
        plan: \(planID(planYear))
        show: areas
        ```

        ```chart
        plan: \(planID(planYear))
        show: timeline
        ```

        """
    }

    static func targetPlan(year: Int) -> String {
        let quarters = ["03-31", "06-30", "09-30", "12-31"].map { "\(year)-\($0)" }
        return """
        {
          "title": "Kế hoạch đưa người lao động đi làm việc ở nước ngoài năm \(year) (mẫu)",
          "issuer": "UBND huyện (mẫu)",
          "document": "Kế hoạch mẫu; chỉ tiêu và tiến độ theo quý là số liệu mẫu",
          "unit": "lao động",
          "period": { "start": "\(year)-01-01", "end": "\(year)-12-31" },
          "target": 30,
          "areas": [
            { "id": "xa-an-binh", "name": "Xã An Bình", "target": 18, "areas": [],
              "progress": [
        \(progress(quarters, counts: [3, 5, 4, 6]))
              ] },
            { "id": "xa-phu-my", "name": "Xã Phú Mỹ", "target": 12, "areas": [],
              "progress": [
        \(progress(quarters, counts: [2, 2, 3, 4]))
              ] }
          ],
          "progress": []
        }

        """
    }

    /// One progress line per quarter, every worker to Japan.
    static func progress(_ dates: [String], counts: [Int]) -> String {
        zip(dates, counts).map { date, count in
            "        { \"date\": \"\(date)\", \"count\": \(count), \"markets\": { \"nhat-ban\": \(count) } }"
        }.joined(separator: ",\n")
    }

    static let image = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" role="img" aria-label="Cây cầu nối hai bờ sông">
      <rect width="320" height="160" fill="#e8f1f8"/>
      <rect y="118" width="320" height="42" fill="#7fb3d5"/>
      <path d="M20 118 Q160 30 300 118" fill="none" stroke="#b03a2e" stroke-width="8"/>
      <rect x="20" y="108" width="280" height="10" fill="#7b4f2c"/>
    </svg>

    """
}
