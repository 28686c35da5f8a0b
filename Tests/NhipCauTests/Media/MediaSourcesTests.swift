import Foundation
import Testing
import NhipCauCore
@testable import NhipCauMedia

/// The content folder on disk, counting which files are read whole.
final class ReadCountingContent: ContentReading, @unchecked Sendable {
    private let disk: DiskContent
    private let lock = NSLock()
    private var reads: [String] = []

    init(root: URL) { disk = DiskContent(root: root) }

    var readPaths: [String] { lock.withLock { reads } }

    func files(in folder: String) throws -> [String] { try disk.files(in: folder) }
    func read(_ path: String) throws -> [UInt8] {
        lock.withLock { reads.append(path) }
        return try disk.read(path)
    }
    func fileExists(_ path: String) -> Bool { disk.fileExists(path) }
    func directoryExists(_ path: String) -> Bool { disk.directoryExists(path) }
    func size(of path: String) -> Int? { disk.size(of: path) }
    func entryProblem(_ path: String) -> ContentEntryProblem? { disk.entryProblem(path) }
    func plainFileStatus(_ path: String, maxBytes: Int) -> FileStatus? { disk.plainFileStatus(path, maxBytes: maxBytes) }
}

/// `MediaSources`: a picture whose file status is unchanged is not read, hashed or decoded again.
@Suite struct MediaSourcesTests {
    struct Run {
        let result: MediaResult
        let written: [String: [UInt8]]
        let read: [String]
    }

    let photo = "media/anh/nha.jpg"

    func run(_ site: TestSite, identity: String = "thử", readsPrevious: Bool = true, settledSeconds: Int = 0,
             maxImagePixels: Int = 50_000_000) -> Run {
        let cache = site.root.appendingPathComponent("bo-nho-dem")
        let content = ReadCountingContent(root: site.content)
        var options = MediaOptions(cache: MediaCache(folder: cache), maxImagePixels: maxImagePixels, maxFileBytes: 10 << 20, keepOriginals: false)
        options.sources = MediaSources(file: MediaSources.file(cacheFolder: cache, content: site.content), identity: identity,
                                       readsPrevious: readsPrevious, settledSeconds: settledSeconds)
        let written = WrittenFiles()
        let result = MediaStep.run(media: [photo], cards: [photo], themeAssets: [:], content: content, options: options,
                                   write: { bytes, path in written.add(path, bytes) })
        return Run(result: result, written: written.files, read: content.readPaths)
    }

    var recordFile: (TestSite) -> URL {
        { MediaSources.file(cacheFolder: $0.root.appendingPathComponent("bo-nho-dem"), content: $0.content) }
    }

    @Test func anUnchangedPictureIsNotReadAgainAndAChangedOneIs() throws {
        let site = try MediaFixtures.site()
        let first = run(site)
        #expect(first.read == [photo] && first.result.madeCount == 1)

        let again = run(site)
        #expect(again.read.isEmpty, "an unchanged picture is taken from the record and the cache")
        #expect(again.written == first.written)
        #expect(again.result.catalog.images == first.result.catalog.images)

        // A PNG put under the same name is read and refused, not published as the old photo.
        try site.write(photo, bytes: try MediaFixtures.bytes("la-png.jpg"))
        let replaced = run(site)
        #expect(replaced.read == [photo])
        #expect(replaced.result.catalog.failures[photo]?.key == "media.fileNamedImageBut2")

        // Other bytes of a good photo: read, made again, and published as a build from nothing would.
        try site.write(photo, bytes: try MediaFixtures.bytes("dien-thoai.jpg") + Array("thêm".utf8))
        let changed = run(site)
        #expect(changed.read == [photo] && changed.result.madeCount == 1)
        #expect(changed.written == run(site, readsPrevious: false).written)
        #expect(run(site).read.isEmpty)
    }

    @Test func aRecordIsUsedOnlyWholeFromTheSameToolAndNotByAFullBuild() throws {
        let site = try MediaFixtures.site()
        _ = run(site)
        #expect(run(site, identity: "công cụ khác").read == [photo])
        _ = run(site)
        #expect(run(site, readsPrevious: false).read == [photo])
        #expect(run(site).read.isEmpty, "a full build keeps what it learned")

        var bytes = [UInt8](try Data(contentsOf: recordFile(site)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: recordFile(site))
        #expect(run(site).read == [photo])
        #expect(run(site).read.isEmpty)
    }

    @Test func aStatusTooRecentToVouchForIsNotKept() throws {
        let site = try MediaFixtures.site()
        _ = run(site, settledSeconds: 3600)
        #expect(run(site).read == [photo])
    }

    @Test func aLoweredPixelLimitRefusesAPictureKnownFromTheRecord() throws {
        let site = try MediaFixtures.site()
        _ = run(site)
        let limited = run(site, maxImagePixels: 1_000)
        #expect(limited.read.isEmpty)
        let reason = try #require(limited.result.catalog.failures[photo])
        #expect(reason.key == "media.imageTooManyPixels")
        #expect(limited.written.isEmpty)
        #expect(run(site, maxImagePixels: 1_000).read.isEmpty, "the refused picture stays in the record")
        #expect(run(site).read.isEmpty)
    }

    @Test func aCacheFileUnchangedSinceItWasFoundIntactIsNotHashedAgain() throws {
        let site = try MediaFixtures.site()
        let first = run(site)
        #expect(first.result.cacheFilesHashed == 0, "made now: nothing is read from the cache")
        let checked = run(site)
        #expect(checked.read.isEmpty && checked.result.cacheFilesHashed > 0, "the entries' files are hashed once")
        let vouched = run(site)
        #expect(vouched.read.isEmpty && vouched.result.cacheFilesHashed == 0, "then known by their status")
        #expect(vouched.written == first.written)
        #expect(vouched.result.catalog.images == first.result.catalog.images)
        #expect(run(site, readsPrevious: false).result.cacheFilesHashed > 0, "a full build checks every file")
    }

    @Test func aCacheFileWrittenToSinceItWasFoundIntactIsHashedAndItsPictureMadeAgain() throws {
        let site = try MediaFixtures.site()
        let first = run(site)
        _ = run(site)
        #expect(run(site).result.cacheFilesHashed == 0)
        // Other bytes of the same size, and the modification time set back: only the file's new change
        // time tells it from the one found intact.
        let media = site.root.appendingPathComponent("bo-nho-dem/media")
        let files = try #require(FileManager.default.enumerator(atPath: media.path)?.allObjects as? [String])
        let variant = media.appendingPathComponent(try #require(files.filter { $0.hasSuffix("/webp-360") }.sorted().first))
        var before = stat()
        #expect(stat(variant.path, &before) == 0)
        var bytes = [UInt8](try Data(contentsOf: variant))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: variant)
        try Self.setModificationTime(of: variant.path, to: before)

        let remade = run(site)
        #expect(remade.read == [photo] && remade.result.madeCount == 1, "the entry fails its hash: made again from the picture")
        #expect(remade.written == first.written)
        #expect(try Data(contentsOf: variant) != Data(bytes), "the damaged file is replaced")
    }

    /// Sets the file's access and modification times back to `status`'s, to the nanosecond.
    static func setModificationTime(of path: String, to status: stat) throws {
        #if canImport(Darwin)
        var times = [status.st_atimespec, status.st_mtimespec]
        #else
        var times = [status.st_atim, status.st_mtim]
        #endif
        try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        try #require(stat(path, &after) == 0)
        let (was, now) = (FileStatus(status).modified, FileStatus(after).modified)
        #expect(was.tv_sec == now.tv_sec && was.tv_nsec == now.tv_nsec && after.st_size == status.st_size)
        #expect(FileStatus(after) != FileStatus(status), "its change time is new")
    }

    @Test func aPictureWhoseEntryLeftTheCacheIsMadeFromItsBytes() throws {
        let site = try MediaFixtures.site()
        let first = run(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("bo-nho-dem/media"))
        let remade = run(site)
        #expect(remade.read == [photo] && remade.result.madeCount == 1)
        #expect(remade.written == first.written)
    }
}
