#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NhipCauCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The new build cache, written beside its place on another thread while the site is published,
/// and renamed into place only once the new site is: until then no cache file is there (the
/// build took it), so a build killed meanwhile leaves none, and the next build renders every page.
final class BuildCacheSaving: Sendable {
    private let file: URL
    /// The written temporary file, nil when it could not be written.
    private let writing: BackgroundWork<String?>

    /// `cache` is made on the saving thread too (its staging table is one entry per page).
    init(to file: URL, _ cache: @escaping @Sendable () -> BuildCache) {
        self.file = file
        writing = BackgroundWork { cache().writeBeside(file) }
    }

    /// The site is published: the cache describes it now.
    func commit() {
        guard let temporary = writing.wait() else { return }
        if rename(temporary, file.path) != 0 { unlink(temporary) }
    }

    /// The site was not published: the cache written describes nothing.
    func cancel() {
        if let temporary = writing.wait() { unlink(temporary) }
    }
}
