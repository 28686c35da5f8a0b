import Foundation
import NhipCauCore
import NhipCauRender

/// `nhipcau theme`: every file of the default theme (templates, stylesheets, script, and whatever
/// else `Sources/NhipCauRender/Embedded/theme/` holds) written into `content/theme/`, where a
/// build takes each in place of the default, as the starting point of an override.
public enum ThemeExport {
    public enum Failure: Error, Sendable, Equatable {
        /// Files that are there already; nothing was written.
        case existing(paths: [String])
        case cannotWrite(path: String, reason: LocalizedText)

        public func message(in language: Language) -> String {
            switch self {
            case .existing(let paths):
                let listed = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", …" : "")
                return LocalizedText("build.themeFileSExist", ["pathsCount": "\(paths.count)", "listed": "\(listed)"]).text(in: language)
            case .cannotWrite(let path, let reason):
                return LocalizedText("build.cannotWrite", ["path": "\(path)", "reason": .message(reason)]).text(in: language)
            }
        }
    }

    /// Writes the default theme into `site.content/theme/` and returns the paths written, as typed
    /// from the current folder (`content/theme/templates/layout.mustache`), sorted. Without `force`
    /// it writes nothing when any of those files exists.
    public static func write(into site: SiteFolder, force: Bool) -> Result<[String], Failure> {
        let theme = site.content.appendingPathComponent("theme")
        let files = DefaultTheme.files.sorted { $0.key < $1.key }
        let shown = { (path: String) in site.shownContent + "/theme/" + path }
        if !force {
            let existing = files.map(\.key).filter { FileManager.default.fileExists(atPath: theme.appendingPathComponent($0).path) }
            if !existing.isEmpty { return .failure(.existing(paths: existing.map(shown))) }
        }
        for (path, bytes) in files {
            let url = theme.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            } catch {
                return .failure(.cannotWrite(path: shown(path), reason: SystemReason.of(error)))
            }
        }
        return .success(files.map { shown($0.key) })
    }
}
