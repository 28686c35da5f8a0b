import Foundation
import NhipCauCore

/// Reads one content file with every guard an officer's folder needs: size, binary, encoding, links
/// out of the folder or to folders, named pipes and other special files.
struct DocumentReader: Sendable {
    let content: any ContentReading
    let maxBytes: Int
    /// Told the stamp of every Markdown file read whole, for the build cache.
    var stamps: SourceStampLog?
    /// Front matter parsed by earlier builds, and where this build's is kept for the next.
    var frontMatterCache: FrontMatterCache?

    /// The file name without its extension: the page's or plan's address.
    static func slug(of file: String) -> String {
        // Byte by byte: it is asked three times for each of a big site's 100,000 files.
        let utf8 = file.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = utf8[start...]
        func withoutSuffix(_ suffix: StaticString) -> String? {
            let bytes = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            guard name.count >= bytes.count, name.suffix(bytes.count).elementsEqual(bytes) else { return nil }
            return String(file[start..<utf8.index(utf8.endIndex, offsetBy: -bytes.count)])
        }
        return withoutSuffix(".md") ?? withoutSuffix(".json") ?? String(file[start...])
    }

    static func entryError(_ file: String, _ problem: ContentEntryProblem) -> Diagnostic {
        let location = SourceLocation(file: file)
        switch problem {
        case .linkOutside:
            return .error(location, "load.symbolicLinkPointingOutside")
        case .linkDangling:
            return .error(location, "load.symbolicLinkFileDoes")
        case .linkToFolder:
            return .error(location, "load.symbolicLinkFolderFolder")
        case .notAFile:
            return .error(location, "load.notRegularFileBut")
        }
    }

    /// The error for a link or special file at `file`, nil for a file that may be read.
    func entryProblem(_ file: String) -> Diagnostic? {
        content.entryProblem(file).map { Self.entryError(file, $0) }
    }

    func readBytes(_ file: String) -> Result<[UInt8], Diagnostic> {
        if let bytes = content.readPlainFile(file, maxBytes: maxBytes) { return .success(bytes) }
        if let problem = entryProblem(file) { return .failure(problem) }
        if let size = content.size(of: file), size > maxBytes {
            return .failure(.error(SourceLocation(file: file), "load.fileTooLargeKb", ["size": .integer(Self.kilobytes(size)), "maxBytes": .integer(Self.kilobytes(maxBytes))]))
        }
        do {
            return .success(try content.read(file))
        } catch {
            return .failure(.error(SourceLocation(file: file), "load.cannotReadFile", ["error": .message(SystemReason.of(error))]))
        }
    }

    /// Rounded up, so a file one byte over the limit never reads as the limit itself.
    /// Whole kilobytes, rounded up: a file one byte over the limit is not shown as being at it.
    static func kilobytes(_ bytes: Int) -> Int {
        (bytes + 1023) / 1024
    }

    func readText(_ file: String) -> Result<String, Diagnostic> {
        readBytes(file).flatMap { SourceText.decode($0, file: file) }
    }

    func readDocument(_ file: String, kind: ContentKind) -> Result<(FrontMatter, ContentDocument), Diagnostic> {
        // No `lstat` for a file the cache holds no status of (every file, the first time).
        if let cache = frontMatterCache, cache.holdsStatus(of: file), let status = content.plainFileStatus(file, maxBytes: maxBytes),
           let kept = cache.unchangedEntry(for: file, status: status) {
            stamps?.record(file, kept.stamp)
            return document(from: kept.entry, kind: kind, slug: Self.slug(of: file), file: file)
        }
        // A plain file read whole has no entry problem: only anything else is looked at step by step.
        let plain = content.readPlainFileAndStatus(file, maxBytes: maxBytes)
        if plain == nil, let problem = entryProblem(file) { return .failure(problem) }
        guard file.hasSuffix(".md") else {
            return .failure(.error(SourceLocation(file: file), "load.folderHoldsOnlyMarkdown", ["folder": "\(kind.folder)"]))
        }
        let slug = Self.slug(of: file)
        guard VietnameseText.isValidSlug(slug) else {
            let suggestion = VietnameseText.slug(slug)
            let rename: MessageArgument = suggestion.isEmpty ? "" : .message(LocalizedText("load.renameTo", ["suggestion": "\(suggestion)"]))
            return .failure(.error(SourceLocation(file: file), "load.fileNameLettersOnly", ["slug": "\(slug)", "rename": rename]))
        }
        return (plain.map { .success($0.bytes) } ?? readBytes(file)).flatMap { bytes in
            let stamp = SourceStamp(bytes)
            let status = plain?.status
            stamps?.record(file, stamp)
            if let kept = frontMatterCache?.entry(for: file, stamp: stamp, status: status) {
                return document(from: kept, kind: kind, slug: slug, file: file)
            }
            return parse(bytes, file: file).flatMap { parsed in
                FrontMatter.reading(parsed.root, file: file, firstLine: parsed.frontMatterLine).map { frontMatter in
                    frontMatterCache?.record(file, stamp: stamp, status: status, parsed)
                    return document(frontMatter, source: parsed, kind: kind, slug: slug, file: file)
                }
            }
        }
    }

    /// A Markdown file's bytes checked as text, split, and its front matter parsed.
    private func parse(_ bytes: [UInt8], file: String) -> Result<FrontMatterCache.Entry, Diagnostic> {
        SourceText.decode(bytes, file: file).flatMap { text in
            if text.isBlank {
                return .failure(.error(SourceLocation(file: file), "load.fileEmptyCopySample"))
            }
            return SplitDocument.split(text, file: file).flatMap { split in
                FrontMatter.parseNode(split.frontMatter, file: file, firstLine: split.frontMatterLine, closingLine: split.closingLine)
                    .map { FrontMatterCache.Entry(frontMatter: split.frontMatter, frontMatterLine: split.frontMatterLine,
                                                  closingLine: split.closingLine, bodyLine: split.bodyLine, root: $0) }
            }
        }
    }

    /// The document and its keys from front matter the cache kept.
    private func document(from kept: FrontMatterCache.Entry, kind: ContentKind, slug: String,
                          file: String) -> Result<(FrontMatter, ContentDocument), Diagnostic> {
        FrontMatter.reading(kept.root, file: file, firstLine: kept.frontMatterLine)
            .map { document($0, source: kept, kind: kind, slug: slug, file: file) }
    }

    private func document(_ parsed: FrontMatter, source: FrontMatterCache.Entry, kind: ContentKind, slug: String,
                          file: String) -> (FrontMatter, ContentDocument) {
        var frontMatter = parsed
        let updated = frontMatter.date("updated")
        let document = ContentDocument(kind: kind, slug: slug, file: file, body: .inFile,
                                       bodyLine: source.bodyLine, frontMatterSource: source.frontMatter,
                                       updated: updated,
                                       updatedLocation: updated.map { _ in frontMatter.location(of: "updated") })
        return (frontMatter, document)
    }
}

/// The `SourceStamp` of each Markdown file the loader read, by file; filled from all cores.
final class SourceStampLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: [String: SourceStamp] = [:]

    func record(_ file: String, _ stamp: SourceStamp) {
        lock.withLock { stamps[file] = stamp }
    }

    var all: [String: SourceStamp] { lock.withLock { stamps } }
}
