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

/// A folder a build has already published, changed one file at a time by `serve` when an edit
/// needs only some pages again. Each file is written beside its place and renamed over it, so a
/// browser never reads half a page.
public struct PublishedFolder: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func replace(_ text: String, at path: String) throws(OutputError) {
        try replace(text.utf8, at: path)
    }

    public func replace(_ bytes: some Collection<UInt8>, at path: String) throws(OutputError) {
        let target = root.path + "/" + path
        let temporary = target + ".nhipcau-tmp"
        if let problem = FileWriting.write(bytes, to: temporary) {
            throw OutputError("output.cannotWrite2", ["path": "\(path)", "problem": .message(problem)])
        }
        guard rename(temporary, target) == 0 else {
            let problem = FileWriting.describe(errno)
            unlink(temporary)
            throw OutputError("output.cannotWrite2", ["path": "\(path)", "problem": .message(problem)])
        }
    }

    public func remove(_ path: String) {
        unlink(root.path + "/" + path)
    }
}
