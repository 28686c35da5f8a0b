#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauLoad
import NhipCauRender
import NhipCauSite

/// What a build's output can depend on, split three ways: the structure (tool, options, the page
/// list, the menu, every file other than a page's Markdown), each page file's front matter, and
/// each page file's body. A page renders to the bytes the previous build wrote when the structure
/// is the one the cache saw, its own file is unchanged, and so is the front matter of every file
/// it shows (`PageReads`, fingerprinted by `reads(_:)`). Only a page's own body reaches that page
/// alone (and the search index, rebuilt every time).
struct InputFingerprint: Sendable {
    /// Tool, options, every page's address but tags', the menu, and every file of the content folder other
    /// than the pages' Markdown (its bytes, or size and time for a large file such as a photo).
    let structure: UInt64
    /// A page's Markdown file (relative path) → its whole file's fingerprint.
    let bodies: [String: UInt64]
    /// A page's Markdown file → its front matter's fingerprint.
    let frontMatter: [String: UInt64]
    /// Each kind → the fingerprint of all its files' paths and front matter.
    let kinds: [ContentKind: UInt64]
    /// `kinds` as one fingerprint: what every page reads depends on nothing but this and `structure`.
    var allFrontMatter: UInt64 {
        var fingerprint = Fingerprint()
        addKinds(ContentKind.allCases, to: &fingerprint)
        return fingerprint.value
    }
    /// Files whose text may link to a heading of another page (`#` after a character other than
    /// a space, a line start or `#`): whether that heading exists is read from the other page's
    /// body, so these pages are rendered again whenever any body changed.
    let crossLinking: Set<String>

    /// Files larger than this are fingerprinted by size and modification time, not read.
    static let readLimit = 4 * 1024 * 1024
    static let formatVersion = "nhipcau-build-cache 3"

    /// `stamps`: Markdown files as the loader read them; any other file is read here.
    static func scan(_ site: Site, stamps: [String: SourceStamp], options: BuildOptions) -> InputFingerprint? {
        let content = DiskContent(root: options.content)
        guard let files = try? content.files(in: "") else { return nil }
        let documents = Dictionary(site.entries.compactMap { $0.source.document.map { ($0.file, $0) } },
                                   uniquingKeysWith: { first, _ in first })
        let root = content.root.path
        let scanned = files.parallelMap { file -> (file: String, structure: UInt64, page: (body: UInt64, kind: ContentKind)?, crossLinking: Bool)? in
            // A page made from a row of a CSV file (the register) has no front matter of its own:
            // the file is structure, as every file but a page's Markdown is.
            if file.hasSuffix(".md"), let document = documents[file] {
                let source = document.frontMatterSource
                if let stamp = stamps[file] { return (file, Fingerprint.of(source), (stamp.fingerprint, document.kind), stamp.linksToFragment) }
                guard let bytes = try? content.read(file) else { return nil }
                let stamp = SourceStamp(bytes)
                return (file, Fingerprint.of(source), (stamp.fingerprint, document.kind), stamp.linksToFragment)
            }
            return fileFingerprint(root + "/" + file, content: content, relative: file).map { (file, $0, nil, false) }
        }
        var structure = Fingerprint()
        structure.add(formatVersion)
        structure.add(toolIdentity())
        structure.add(options.today.iso)
        structure.add(options.includeDrafts ? "drafts" : "published")
        structure.add(options.offline ? "offline" : "online")
        // Which pages exist, not their order: a story list's order is in the reads of the pages
        // that show it. Tag pages come and go with stories' `tags`: the pages that show which tags
        // exist read every story's front matter already, and a story links to its tags' pages either way.
        // The addresses' fingerprints are added up, which needs no sort (150,000 at 100,000 stories).
        var pages = (count: UInt64(0), sum: UInt64(0))
        for entry in site.entries where entry.kind != .tag {
            pages.count += 1
            pages.sum &+= Fingerprint.of(entry.route.outputFile)
        }
        structure.add(pages.count)
        structure.add(pages.sum)
        // Every page shows the menu, and a free page's title can be in it.
        for link in site.navigation {
            structure.add(link.route.path)
            if case .text(let label) = link.label { structure.add(label) }
        }
        let items = scanned.compactMap { $0 }
        guard items.count == scanned.count else { return nil }
        var kinds: [ContentKind: Fingerprint] = [:]
        var crossLinking = Set<String>()
        for item in items {
            if let page = item.page {
                kinds[page.kind, default: Fingerprint()].add(item.file)
                kinds[page.kind, default: Fingerprint()].add(item.structure)
            } else {
                structure.add(item.file)
                structure.add(item.structure)
            }
            if item.crossLinking { crossLinking.insert(item.file) }
        }
        // Two tables of 100,000 files at 100,000 stories: one on each core.
        let (bodies, frontMatter) = concurrently({
            Dictionary(items.compactMap { item in item.page.map { (item.file, $0.body) } }, uniquingKeysWith: { first, _ in first })
        }, {
            Dictionary(items.compactMap { item in item.page.map { _ in (item.file, item.structure) } }, uniquingKeysWith: { first, _ in first })
        })
        return InputFingerprint(structure: structure.value, bodies: bodies, frontMatter: frontMatter,
                                kinds: kinds.mapValues(\.value), crossLinking: crossLinking)
    }

    /// The front matter a page shows of other files, as one fingerprint: those files' paths and
    /// front matter in order, then every file of the kinds it reads.
    func reads(_ reads: PageReads) -> UInt64 {
        var fingerprint = Fingerprint()
        for file in reads.files {
            fingerprint.add(file)
            fingerprint.add(frontMatter[file] ?? 0)
        }
        addKinds(reads.kinds.map { Array($0) } ?? ContentKind.allCases, to: &fingerprint)
        return fingerprint.value
    }

    /// Each of `kinds` in a fixed order, with the fingerprint of its files' paths and front matter (0: none).
    private func addKinds(_ kinds: [ContentKind], to fingerprint: inout Fingerprint) {
        for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
            fingerprint.add(kind.rawValue)
            fingerprint.add(self.kinds[kind] ?? 0)
        }
    }

    private static func fileFingerprint(_ path: String, content: DiskContent, relative: String) -> UInt64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return Fingerprint.of("missing") }
        if Int(status.st_size) <= readLimit, (status.st_mode & S_IFMT) == S_IFREG {
            return (try? content.read(relative)).map(Fingerprint.of)
        }
        var fingerprint = Fingerprint()
        fingerprint.add(UInt64(status.st_mode))
        fingerprint.add(UInt64(status.st_size))
        fingerprint.add(UInt64(bitPattern: Int64(status.st_ino)))
        fingerprint.add(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
        fingerprint.add(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
        return fingerprint.value
    }

    /// The running executable's size and time: a rebuilt tool, even of the same version, may
    /// render differently, so its cache is not reused.
    static func toolIdentity() -> String {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown-\(UInt64.random(in: 0...UInt64.max))" }
        return "\(status.st_size) \(status.st_mtim.tv_sec) \(status.st_mtim.tv_nsec) \(status.st_ino)"
    }
}
