import Foundation
import NhipCauCore
import NhipCauLoad

/// `nhipcau new story "Tiêu đề"`: a new content file with its front matter filled in.
public enum NewContent {
    public enum Failure: Error, Sendable {
        case emptySlug
        case exists(path: String)
        case cannotWrite(path: String, reason: String)

        public func message(in language: Language) -> String {
            switch self {
            case .emptySlug:
                language == .vi ? "Tiêu đề phải có ít nhất một chữ cái hoặc chữ số để đặt tên tệp."
                    : "The title needs at least one letter or digit to name the file."
            case .exists(let path):
                language == .vi ? "\(path) đã có; không ghi đè. Chọn tiêu đề khác hoặc sửa tệp đó."
                    : "\(path) already exists; not overwriting it. Choose another title or edit that file."
            case .cannotWrite(let path, let reason):
                language == .vi ? "Không ghi được \(path): \(reason)" : "Cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes the file and returns its path.
    public static func create(kind: ContentKind, title: String, content: URL, today: SimpleDate) -> Result<String, Failure> {
        let slug = VietnameseText.slug(title)
        guard !slug.isEmpty else { return .failure(.emptySlug) }
        let folder = content.appendingPathComponent(kind.folder)
        let file = folder.appendingPathComponent(slug + ".md")
        let shownPath = content.relativePath + "/" + kind.folder + "/" + slug + ".md"
        if FileManager.default.fileExists(atPath: file.path) { return .failure(.exists(path: shownPath)) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text(kind: kind, title: title, today: today).utf8).write(to: file, options: .withoutOverwriting)
            return .success(shownPath)
        } catch {
            return .failure(.cannotWrite(path: shownPath, reason: error.localizedDescription))
        }
    }

    /// YAML double-quoted, so any title is safe (colons, quotes, `#`).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func text(kind: ContentKind, title: String, today: SimpleDate) -> String {
        let title = quoted(title)
        switch kind {
        case .story:
            return """
            ---
            title: \(title)
            date: \(today.iso)
            summary: "Một hai câu tóm tắt câu chuyện."
            person: "Anh/chị …, xã …"
            # market: nhat-ban        (tên tệp trong markets/, không có .md)
            # area: ninh-son          (id địa bàn trong targets/)
            tags: []
            draft: true
            ---

            Viết câu chuyện ở đây. Xóa dòng `draft: true` ở trên khi đã sẵn sàng đăng.

            """
        case .market:
            return """
            ---
            title: \(title)
            country: \(title)
            summary: "Một câu giới thiệu thị trường."
            # income_vnd: [20000000, 30000000]   (thu nhập mỗi tháng, đồng)
            # cost_vnd: 90000000                 (chi phí tối đa người lao động trả, đồng)
            # contract: "3 năm"
            sectors: []
            ---

            Giới thiệu thị trường, điều kiện, chi phí, những điều cần biết.

            """
        case .policy:
            return """
            ---
            title: \(title)
            number: "…/…/NĐ-CP"
            issuer: "Chính phủ"
            issued: \(today.iso)
            # effective: \(today.iso)
            # expires: 2030-12-31
            # replaced_by: ten-tep-van-ban-moi
            summary: "Văn bản quy định điều gì, cho ai."
            ---

            Nội dung chính của văn bản, viết bằng lời dễ hiểu.

            """
        case .page:
            return """
            ---
            title: \(title)
            summary: "Một câu giới thiệu trang."
            # menu: 4     (số thứ tự trên thanh điều hướng; bỏ đi nếu không cần)
            ---

            Nội dung trang.

            """
        }
    }
}
