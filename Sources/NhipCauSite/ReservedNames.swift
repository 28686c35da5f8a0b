import NhipCauCore

extension Routes {
    /// Why a free page cannot be called `slug`: said by the build and by `nhipcau new page`.
    public static func reservedNameProblem(_ slug: String) -> LocalizedText {
        LocalizedText("assemble.nameReservedSectionSite", ["slug": "\(slug)"])
    }
}
