#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NhipCauCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The new build cache, written beside its place on another thread while the site is published,
/// and renamed into place only once the new site is: until then no cache file is there (the
/// build took it), so a build killed meanwhile leaves none, and the next build renders every page.
final class BuildCacheSaving: @unchecked Sendable {
    private let file: URL
    private var background: BackgroundWork?
    /// The written temporary file; set once by the background work, read after it is done.
    private var temporary: String?

    init(_ cache: BuildCache, to file: URL) {
        self.file = file
        background = BackgroundWork { [self] in
            temporary = cache.writeBeside(file)
        }
    }

    /// The site is published: the cache describes it now.
    func commit() {
        background?.wait()
        guard let temporary else { return }
        if rename(temporary, file.path) != 0 { unlink(temporary) }
    }

    /// The site was not published: the cache written describes nothing.
    func cancel() {
        background?.wait()
        if let temporary { unlink(temporary) }
    }
}
