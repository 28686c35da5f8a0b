import Foundation
import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `nhipcau new story "Tiêu đề"`: a new content file with its front matter filled in.
public enum NewContent {
    public enum Failure: Error, Sendable, Equatable {
        case emptySlug
        case exists(path: String)
        /// A free page would take the address of a section of the site (`tim-kiem`, `cau-chuyen`).
        case reserved(slug: String)
        case cannotWrite(path: String, reason: LocalizedText)

        public func message(in language: Language) -> String {
            switch self {
            case .emptySlug:
                LocalizedText("build.titleNeedsLeastOne").text(in: language)
            case .exists(let path):
                LocalizedText("build.alreadyExistsNotOverwriting", ["path": "\(path)"]).text(in: language)
            case .reserved(let slug):
                Routes.reservedNameProblem(slug).text(in: language)
            case .cannotWrite(let path, let reason):
                LocalizedText("build.cannotWrite", ["path": "\(path)", "reason": .message(reason)]).text(in: language)
            }
        }
    }

    /// File names stay short enough for every file system and readable in an address.
    static let maxSlugLength = 80

    /// Writes the file into the site's content folder and returns its path as the officer types it.
    public static func create(kind: ContentKind, title rawTitle: String, site: SiteFolder, today: SimpleDate) -> Result<String, Failure> {
        let title = normalizedTitle(rawTitle)
        let slug = cappedSlug(VietnameseText.slug(title))
        guard !slug.isEmpty else { return .failure(.emptySlug) }
        if kind == .page, Routes.reservedTopLevel.contains(slug) { return .failure(.reserved(slug: slug)) }
        let folder = site.content.appendingPathComponent(kind.folder)
        let file = folder.appendingPathComponent(slug + ".md")
        let shownPath = site.shownContent + "/" + kind.folder + "/" + slug + ".md"
        if FileManager.default.fileExists(atPath: file.path) { return .failure(.exists(path: shownPath)) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text(kind: kind, title: title, today: today, language: site.language).utf8).write(to: file, options: .withoutOverwriting)
            return .success(shownPath)
        } catch {
            return .failure(.cannotWrite(path: shownPath, reason: SystemReason.of(error)))
        }
    }

    /// A title pasted from a word processor may hold line breaks, tabs and no-break spaces: each
    /// run of them becomes one space, other control characters go, so the front matter stays one line.
    static func normalizedTitle(_ title: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in title {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                continue
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// At most `maxSlugLength` characters, cut at a hyphen so no word is broken when one allows.
    static func cappedSlug(_ slug: String) -> String {
        guard slug.count > maxSlugLength else { return slug }
        let cut = slug.index(slug.startIndex, offsetBy: maxSlugLength)
        if slug[cut] == "-" { return String(slug[..<cut]) }
        let head = slug[..<cut]
        guard let hyphen = head.lastIndex(of: "-") else { return String(head) }
        return String(head[..<hyphen])
    }

    /// YAML double-quoted, so any title is safe (colons, quotes, `#`).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func text(kind: ContentKind, title: String, today: SimpleDate, language: Language = .vi) -> String {
        let title = quoted(title)
        if language == .en { return englishText(kind: kind, title: title, today: today) }
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
        case .notice:
            return """
            ---
            title: \(title)
            date: \(today.iso)
            # expires: \(today.iso)       (ngày cuối hiện trên trang chủ; bỏ đi nếu không hết hạn)
            summary: "Một câu nói thông báo điều gì, cho ai."
            # areas: [ninh-son]          (id địa bàn trong targets/)
            # markets: [nhat-ban]        (tên tệp trong markets/, không có .md)
            ---

            Nội dung thông báo: việc gì, ở đâu, khi nào, liên hệ ai.

            """
        }
    }

    /// The same files for a site whose `language` is `en`.
    private static func englishText(kind: ContentKind, title: String, today: SimpleDate) -> String {
        switch kind {
        case .story:
            return """
            ---
            title: \(title)
            date: \(today.iso)
            summary: "One or two sentences about the story."
            person: "Mr/Ms …, … commune"
            # market: nhat-ban        (a file name in markets/, without .md)
            # area: ninh-son          (an area id in targets/)
            tags: []
            draft: true
            ---

            Write the story here. Remove the `draft: true` line above when it is ready to publish.

            """
        case .market:
            return """
            ---
            title: \(title)
            country: \(title)
            summary: "One sentence introducing the market."
            # income_vnd: [20000000, 30000000]   (monthly income, VND)
            # cost_vnd: 90000000                 (the most a worker pays, VND)
            # contract: "3 years"
            sectors: []
            ---

            About the market: conditions, costs, what to know before going.

            """
        case .policy:
            return """
            ---
            title: \(title)
            number: "…/…/NĐ-CP"
            issuer: "The Government"
            issued: \(today.iso)
            # effective: \(today.iso)
            # expires: 2030-12-31
            # replaced_by: file-name-of-the-newer-policy
            summary: "What the policy sets out, and for whom."
            ---

            The main points of the policy, in plain words.

            """
        case .page:
            return """
            ---
            title: \(title)
            summary: "One sentence introducing the page."
            # menu: 4     (position in the navigation; remove if not needed)
            ---

            The page's text.

            """
        case .notice:
            return """
            ---
            title: \(title)
            date: \(today.iso)
            # expires: \(today.iso)       (last day on the home page; remove if it does not expire)
            summary: "One sentence: what the notice is about, and for whom."
            # areas: [ninh-son]          (area ids in targets/)
            # markets: [nhat-ban]        (file names in markets/, without .md)
            ---

            The notice: what, where, when, whom to contact.

            """
        }
    }
}
