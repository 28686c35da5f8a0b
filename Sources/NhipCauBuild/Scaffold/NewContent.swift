#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

    /// The new file: `Embedded/new/<language>/<kind>.md` with `{title}` and `{date}` filled in
    /// (English for a site whose `language` is `en`, Vietnamese for any other).
    static func text(kind: ContentKind, title: String, today: SimpleDate, language: Language = .vi) -> String {
        let skeleton = EmbeddedFiles.text("new/\(LocalizedText("build.en").text(in: language))/\(kind).md") ?? ""
        return Placeholders.fill(skeleton) { ["title": quoted(title), "date": today.iso][$0] }
    }
}
