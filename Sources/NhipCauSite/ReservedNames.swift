import NhipCauCore

extension Routes {
    /// Why a free page cannot be called `slug`: said by the build and by `nhipcau new page`.
    public static func reservedNameProblem(_ slug: String) -> LocalizedText {
        LocalizedText(
            vi: "Tên `\(slug)` đã dành cho một mục của trang web. Đổi tên tệp, ví dụ `\(slug)-thong-tin.md`.",
            en: "The name `\(slug)` is reserved for a section of the site. Rename the file, e.g. `\(slug)-info.md`.")
    }
}
