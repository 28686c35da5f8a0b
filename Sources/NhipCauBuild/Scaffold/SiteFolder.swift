import Foundation
import NhipCauCore
import NhipCauLoad

/// The site a command works on, found the way an officer expects: from inside `content/` or
/// `content/stories/` it is still the site above, never a new `content/` made on the spot.
public struct SiteFolder: Sendable {
    /// The content folder (the one holding `site.yml`).
    public let content: URL
    /// The content folder as it is typed from the current folder: `content`, `../../content`,
    /// or what `--content` said.
    public let shownContent: String
    /// The language site.yml declares, else Vietnamese.
    public let language: Language

    public enum Failure: Error, Sendable, Equatable {
        /// No `content/site.yml` here or in any folder above.
        case noSite
        /// `--content` names a folder without site.yml.
        case noConfig(content: String)

        public func message(in language: Language) -> String {
            switch self {
            case .noSite:
                language == .vi
                    ? "Không tìm thấy trang web: ở đây và các thư mục bên trên không có thư mục `content/` chứa `site.yml`. Hãy chạy lệnh trong thư mục của trang (thư mục có `content/`), hoặc thêm `--content THƯ-MỤC`; muốn tạo trang mới thì chạy `nhipcau init TÊN-THƯ-MỤC`."
                    : "No site found: neither this folder nor any above it has a `content/` folder holding `site.yml`. Run the command in the site's folder (the one with `content/`), or add `--content DIR`; to start a new site, run `nhipcau init DIR`."
            case .noConfig(let content):
                language == .vi
                    ? "Thư mục \(content) không có tệp site.yml nên không phải thư mục nội dung của một trang. Kiểm tra `--content`, hoặc tạo trang mới bằng `nhipcau init TÊN-THƯ-MỤC`."
                    : "The folder \(content) has no site.yml, so it is not a site's content folder. Check `--content`, or start a new site with `nhipcau init DIR`."
            }
        }
    }

    /// `--content` when given (it must hold site.yml); otherwise the nearest folder, from
    /// `folder` upwards, that holds `content/site.yml`.
    public static func locate(content explicit: String?, from folder: URL) -> Result<SiteFolder, Failure> {
        if let explicit {
            let url = URL(fileURLWithPath: explicit, relativeTo: folder).standardizedFileURL
            guard hasConfig(url) else { return .failure(.noConfig(content: explicit)) }
            return .success(SiteFolder(content: url, shownContent: trimmedSlash(explicit), language: declaredLanguage(url)))
        }
        var candidate = folder.standardizedFileURL
        var levelsUp = 0
        while true {
            let content = candidate.appendingPathComponent("content")
            if hasConfig(content) {
                let shown = String(repeating: "../", count: levelsUp) + "content"
                return .success(SiteFolder(content: content, shownContent: shown, language: declaredLanguage(content)))
            }
            let parent = candidate.deletingLastPathComponent().standardizedFileURL
            guard parent.path != candidate.path else { return .failure(.noSite) }
            candidate = parent
            levelsUp += 1
        }
    }

    /// The language site.yml in `content` declares, if any.
    public static func declaredLanguage(_ content: URL) -> Language {
        SiteLanguage.declared(in: DiskContent(root: content)) ?? .vi
    }

    private static func hasConfig(_ content: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    private static func trimmedSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
