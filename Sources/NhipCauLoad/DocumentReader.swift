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
        readParsed(file, kind: kind).map { parsed in
            keep(parsed.fresh, of: file, model: [])
            return (parsed.frontMatter, parsed.document)
        }
    }

    /// What parsing a file gave that the front matter cache does not hold yet: kept (`keep`) once the
    /// file's model is made, with the model when making it said nothing.
    struct FreshEntry {
        let stamp: SourceStamp
        let status: FileStatus?
        let entry: FrontMatterCache.Entry
    }

    func keep(_ fresh: FreshEntry?, of file: String, model: [UInt8]) {
        guard let fresh, let cache = frontMatterCache else { return }
        var entry = fresh.entry
        entry.model = model
        cache.record(file, stamp: fresh.stamp, status: fresh.status, entry)
    }

    /// The model the front matter cache kept of `file` when its status is unchanged: neither the file
    /// nor its front matter is read. Nil when there is none, or it does not decode whole.
    func cachedModel<Model>(_ file: String, kind: ContentKind, codec: ModelCodec<Model>) -> Model? {
        guard let cache = frontMatterCache, let held = cache.held(file), let status = content.plainFileStatus(file, maxBytes: maxBytes),
              let kept = cache.unchangedModel(held, status: status) else { return nil }
        var reader = CacheBytesReader(kept.model)
        let base = ModelCodec<Model>.Base(kind: kind, slug: Self.slug(of: file), file: file, bodyLine: kept.bodyLine,
                                          frontMatterSource: kept.frontMatter)
        guard let model = codec.decode(&reader, base), reader.isAtEnd else { return nil }
        cache.carryModel(held)
        stamps?.record(file, kept.stamp)
        return model
    }

    /// The file's front matter and document, from the cache or parsed now (then `fresh` says what to keep).
    func readParsed(_ file: String, kind: ContentKind) -> Result<(frontMatter: FrontMatter, document: ContentDocument, fresh: FreshEntry?), Diagnostic> {
        // No `lstat` for a file the cache holds no status of (every file, the first time).
        if let cache = frontMatterCache, let held = cache.held(file), let status = content.plainFileStatus(file, maxBytes: maxBytes),
           let kept = cache.unchangedEntry(held, status: status) {
            stamps?.record(file, kept.stamp)
            return document(from: kept.entry, kind: kind, slug: Self.slug(of: file), file: file).map { ($0.0, $0.1, nil) }
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
                return document(from: kept, kind: kind, slug: slug, file: file).map { ($0.0, $0.1, nil) }
            }
            return parse(bytes, file: file).flatMap { parsed in
                FrontMatter.reading(parsed.root, file: file, firstLine: parsed.frontMatterLine).map { frontMatter in
                    let made = document(frontMatter, source: parsed, kind: kind, slug: slug, file: file)
                    return (made.0, made.1, FreshEntry(stamp: stamp, status: status, entry: parsed))
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
