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
import NhipCauSite

/// What a build's output can depend on, split in two: the page bodies (each page's own Markdown
/// file), and everything else (the structure). Pages and lists are made from front matter, data,
/// configuration, theme and the page list; only a page's own body reaches that page alone (and the
/// search index, rebuilt every time). So when the structure is the one the cache saw, a page whose
/// own file is unchanged renders to the bytes the previous build wrote.
struct InputFingerprint: Sendable {
    /// Tool, options, every page's address, each Markdown file's front matter and every other
    /// file of the content folder (its bytes, or size and time for a large file such as a photo).
    let structure: UInt64
    /// A page's Markdown file (relative path) → its whole file's fingerprint.
    let bodies: [String: UInt64]
    /// Files whose text may link to a heading of another page (`#` after a character other than
    /// a space, a line start or `#`): whether that heading exists is read from the other page's
    /// body, so these pages are rendered again whenever any body changed.
    let crossLinking: Set<String>

    /// Files larger than this are fingerprinted by size and modification time, not read.
    static let readLimit = 4 * 1024 * 1024
    static let formatVersion = "nhipcau-build-cache 1"

    /// `stamps`: Markdown files as the loader read them; any other file is read here.
    static func scan(_ site: Site, stamps: [String: SourceStamp], options: BuildOptions) -> InputFingerprint? {
        let content = DiskContent(root: options.content)
        guard let files = try? content.files(in: "") else { return nil }
        let frontMatter = Dictionary(site.entries.compactMap { $0.source.document.map { ($0.file, $0.frontMatterSource) } },
                                     uniquingKeysWith: { first, _ in first })
        let root = content.root.path
        let scanned = files.parallelMap { file -> (file: String, structure: UInt64, body: UInt64?, crossLinking: Bool)? in
            if let source = frontMatter[file] {
                if let stamp = stamps[file] { return (file, Fingerprint.of(source), stamp.fingerprint, stamp.linksToFragment) }
                guard let bytes = try? content.read(file) else { return nil }
                let stamp = SourceStamp(bytes)
                return (file, Fingerprint.of(source), stamp.fingerprint, stamp.linksToFragment)
            }
            return fileFingerprint(root + "/" + file, content: content, relative: file).map { (file, $0, nil, false) }
        }
        var structure = Fingerprint()
        structure.add(formatVersion)
        structure.add(toolIdentity())
        structure.add(options.today.iso)
        structure.add(options.includeDrafts ? "drafts" : "published")
        structure.add(options.offline ? "offline" : "online")
        for entry in site.entries { structure.add(entry.route.outputFile) }
        var bodies: [String: UInt64] = [:]
        var crossLinking = Set<String>()
        for item in scanned {
            guard let item else { return nil }
            structure.add(item.file)
            structure.add(item.structure)
            if let body = item.body { bodies[item.file] = body }
            if item.crossLinking { crossLinking.insert(item.file) }
        }
        return InputFingerprint(structure: structure.value, bodies: bodies, crossLinking: crossLinking)
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
