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
                LocalizedText("build.noSiteFoundNeither").text(in: language)
            case .noConfig(let content):
                LocalizedText("build.folderNoSiteYml", ["content": "\(content)"]).text(in: language)
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
