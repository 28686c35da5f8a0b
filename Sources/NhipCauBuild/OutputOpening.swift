#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauWrite

/// The output folder taken for a build (`OutputDirectory`: checks, lock, the staging folder's
/// folders that the last build's cache does not vouch for read), and that cache read once the lock
/// is held. Over a published site, the staging folder holds a whole site (some 25,000 files and
/// folders for 10,000 stories) and the cache some 10 MB to decode, so both are done on another
/// thread while the content is read and assembled; otherwise when asked for, as before.
///
/// Taking it changes nothing the build cache vouches for: it writes the staging folder's marker
/// (the same bytes) and removes links from it. Pages are written only after `output()`, which
/// removes the cache file first.
final class OutputOpening: Sendable {
    /// The output folder and what the build cache said of the last build into it (nil: none, or unreadable).
    struct Taken: Sendable {
        let directory: OutputDirectory
        let cache: BuildCache?
    }

    private let folder: URL
    private let content: URL
    /// nil: the build keeps no cache.
    private let cacheFile: URL?
    /// How old a staging folder's change must be to vouch for it next time (`StagingRecord`).
    private let settledSeconds: Int
    /// The taking on another thread; nil when there is no published site.
    private let background: BackgroundWork<Result<Taken, OutputError>>?

    init(output: URL, content: URL, cacheFile: URL?, settledSeconds: Int = StagingRecord.settledSeconds) {
        folder = output
        self.content = content
        self.cacheFile = cacheFile
        self.settledSeconds = settledSeconds
        guard OutputDirectory.publishedSiteExists(at: output) else {
            background = nil
            return
        }
        background = BackgroundWork {
            Result { () throws(OutputError) in try Self.take(output, content: content, cacheFile: cacheFile, settledSeconds: settledSeconds) }
        }
    }

    /// The output folder, taken now if it was not taken in the background. The cache file is
    /// removed: from here on the staging folder may change, and a build that stops leaves no cache.
    func output() throws(OutputError) -> Taken {
        let result: Taken
        if let background {
            result = try background.wait().get()
        } else {
            result = try Self.take(folder, content: content, cacheFile: cacheFile, settledSeconds: settledSeconds)
        }
        if let cacheFile { BuildCache.remove(cacheFile) }
        return result
    }

    /// The build stopped before writing (its content has errors): lets go of an output folder
    /// taken in the background. The cache file stays, for the next build.
    func abandon() {
        if case .success(let taken) = background?.wait() { taken.directory.discard() }
    }

    /// The cache is read once the lock is held (no other build changes it meanwhile), and before
    /// the staging folder is looked at: it says what the last build but one left there.
    private static func take(_ folder: URL, content: URL, cacheFile: URL?, settledSeconds: Int) throws(OutputError) -> Taken {
        var cache: BuildCache?
        let directory = try OutputDirectory(output: folder, content: content, settledSeconds: settledSeconds) {
            cache = cacheFile.flatMap(BuildCache.read)
            return cache?.stagingRecord
        }
        // Once the lock's work is done: the index is of use only to the build, not to the listing.
        return Taken(directory: directory, cache: cache?.indexed())
    }
}
