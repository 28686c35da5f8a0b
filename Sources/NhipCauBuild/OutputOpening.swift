import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauWrite

/// The output folder taken for a build (`OutputDirectory`: checks, lock, staging folder listed).
/// Over a published site, the staging folder holds a whole site (some 25,000 files and folders for
/// 10,000 stories, a fifth of a second to list), so it is taken on another thread while the content
/// is read and assembled; otherwise when asked for, as before.
///
/// Taking it changes nothing the build cache vouches for: it writes the staging folder's marker
/// (the same bytes) and removes links from it. Pages are written only after `output()`.
final class OutputOpening: @unchecked Sendable {
    private let folder: URL
    private let content: URL
    private let group = DispatchGroup()
    /// Set once by the background task, read after `group` is done.
    private var taken: Result<OutputDirectory, OutputError>?

    init(output: URL, content: URL) {
        folder = output
        self.content = content
        guard OutputDirectory.publishedSiteExists(at: output) else { return }
        group.enter()
        DispatchQueue.global().async { [self] in
            taken = Result { () throws(OutputError) in try OutputDirectory(output: output, content: content) }
            group.leave()
        }
    }

    /// The output folder, taken now if it was not taken in the background.
    func output() throws(OutputError) -> OutputDirectory {
        group.wait()
        if let taken { return try taken.get() }
        return try OutputDirectory(output: folder, content: content)
    }

    /// The build stopped before writing (its content has errors): lets go of an output folder taken in the background.
    func abandon() {
        group.wait()
        if case .success(let directory) = taken { directory.discard() }
    }
}
