#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// Write stage. Pages go into a staging folder beside the output (`.site.nhipcau-new` for
/// `site`); only a complete build is swapped in, in one step, so a failed, interrupted or killed
/// build leaves the published site exactly as it was. After the swap the staging folder holds the
/// previous site and is kept: the next build overwrites it in place (see `StagingTree`).
/// One build at a time writes a given output (`OutputLock`). The tool deletes only what carries
/// its marker file, and it never writes through a link inside the staging folder.
public final class OutputDirectory: Sendable {
    /// The published folder; when the given output was a symbolic link, the folder it points to.
    public let output: URL
    /// Where this build writes; becomes `output` on `publish()`.
    public let staging: URL
    /// Where the two-rename swap parks the old site for a moment.
    private let previous: URL
    private let settings: OutputSettings
    private let lock: OutputLock
    private let found: StagingTree.Listing
    /// The files the staging folder held when this build took it.
    private let foundFiles: Set<String>
    private let written: WrittenPaths

    public static let markerName = ".nhipcau-site"
    static let markerBytes = Array("nhipcau\n".utf8)

    /// Checks that `output` is a folder the tool may replace, takes the lock on it, repairs a swap
    /// an earlier build could not finish, and prepares the staging folder. `whileLocked` runs once
    /// the lock is held, before the staging folder is looked at, and may give what the last build
    /// but one left there (`StagingRecord`). A folder changed less than `settledSeconds` ago is
    /// read again next time, whatever its status.
    public convenience init(output: URL, content: URL, settledSeconds: Int = StagingRecord.settledSeconds,
                            whileLocked: () -> StagingRecord? = { nil }) throws(OutputError) {
        try self.init(output: output, content: content, settings: OutputSettings(settledSeconds: settledSeconds), whileLocked: whileLocked)
    }

    init(output: URL, content: URL, settings: OutputSettings, whileLocked: () -> StagingRecord? = { nil }) throws(OutputError) {
        let names = OutputNames(output)
        self.output = names.output
        self.settings = settings
        staging = names.staging
        previous = names.previous
        try OutputGuard.checkLocation(output: self.output, content: content.standardizedFileURL)
        try OutputGuard.checkReplaceable(output: self.output) // before leaving a lock file beside a refused folder
        try OutputPath.makeFolder(self.output.deletingLastPathComponent())
        lock = try OutputLock.acquire(at: names.lock.path, for: self.output.path, wait: settings.lockWait)
        try SwapRepair.finish(output: self.output, previous: previous, staging: staging)
        try OutputGuard.checkReplaceable(output: self.output)
        let record = whileLocked()
        found = try StagingTree.take(staging, record: record, settledBefore: FileStatus.settled(settings.settledSeconds))
        foundFiles = Set(found.files)
        written = WrittenPaths(expected: found.files.count)
        try write(Self.markerBytes, to: Self.markerName)
    }

    /// Puts back the site an interrupted publish left aside, if any: called first thing in a build,
    /// so that it is back even when this build then fails on its content. Problems are left for
    /// `init` to report.
    public static func repairInterruptedPublish(output: URL) {
        let names = OutputNames(output)
        guard OutputPath.exists(names.previous.path),
              let lock = try? OutputLock.acquire(at: names.lock.path, for: names.output.path, wait: .zero) else { return }
        defer { lock.release() }
        try? SwapRepair.finish(output: names.output, previous: names.previous, staging: names.staging)
    }

    /// Writes one file of the site; `path` is relative to the site root. Safe from several threads.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        written.insert(path)
        if let problem = FileWriting.write(bytes, to: staging.path + "/" + path) {
            throw OutputError("output.cannotWrite", ["path": "\(path)", "problem": .message(problem)])
        }
    }

    public func write(_ text: String, to path: String) throws(OutputError) {
        try write(text.utf8, to: path)
    }

    /// Copies the contents of `source` (a link is followed, never copied as a link).
    public func copy(_ source: URL, to path: String) throws(OutputError) {
        written.insert(path)
        if let problem = FileWriting.copy(from: source.path, to: staging.path + "/" + path) {
            throw OutputError("output.cannotCopy", ["path": "\(path)", "problem": .message(problem)])
        }
    }

    /// What this build leaves in the folder it publishes, for the build that next writes into it.
    /// Call once every file is written.
    public func publishedRecord() -> StagingRecord {
        StagingRecord.made(written: written.all, found: found, foundFiles: foundFiles)
    }

    /// How many of the staging folder's folders were read entry by entry when the build took it.
    public var stagingFoldersRead: Int { found.foldersRead }

    /// Whether the published folder is one this tool wrote (its marker is there).
    public var publishedSiteExists: Bool { OutputPath.hasMarker(output) }

    /// Whether `output` (followed when it is a link) is a site this tool published.
    public static func publishedSiteExists(at output: URL) -> Bool {
        OutputPath.hasMarker(OutputNames(output).output)
    }

    /// Keeps the published site's file at `path` unchanged in this build, without rendering it again
    /// (an incremental build). `stagingHolds`: the build cache knows the staging folder already has
    /// these bytes (it was the site before the published one, and the file did not change since);
    /// otherwise the file is copied over from the published site. False when it cannot be kept.
    public func keep(_ path: String, stagingHolds: Bool) -> Bool {
        if stagingHolds && foundFiles.contains(path) {
            written.insert(path)
            return true
        }
        guard FileWriting.copy(from: output.path + "/" + path, to: staging.path + "/" + path) == nil else { return false }
        written.insert(path)
        return true
    }

    /// Removes what the previous site had and this build did not write, then puts the finished
    /// build in place of the published site in one step; the previous site stays as the staging folder.
    /// `whilePublished` runs once the new site is in place, before the lock lets another build in
    /// (the build cache is saved there). On failure the lock is kept: call `discard`.
    public func publish(whilePublished: () -> Void = {}) throws(OutputError) {
        if let stale = StagingTree.prune(staging.path, files: foundFiles, folders: found.folders, written: written.all) {
            throw OutputError("output.cannotRemoveOldFile", ["stalePath": "\(stale.path)", "stagingPath": "\(staging.path)", "problem": .message(stale.problem)])
        }
        try swapIn()
        whilePublished()
        lock.release()
    }

    /// Gives up on this build, leaving the published site untouched. The staging folder stays for
    /// the next build to reuse when a published site is beside it; otherwise it is removed.
    /// `whileLocked` runs before the lock lets another build in.
    public func discard(whileLocked: () -> Void = {}) {
        defer { lock.release() }
        if !OutputPath.exists(output.path) { StagingTree.remove(staging.path) }
        whileLocked()
    }

    private func swapIn() throws(OutputError) {
        guard OutputPath.exists(output.path) else {
            try settings.reach(.beforeSwap)
            guard rename(staging.path, output.path) == 0 else { throw swapFailed(errno) }
            return
        }
        try settings.reach(.beforeSwap)
        switch settings.exchange ? FolderSwap.exchange(staging.path, output.path) : .unsupported {
        case .swapped:
            // An empty folder the officer made for the site came back; it is not a site to reuse.
            if !OutputPath.hasMarker(staging) { rmdir(staging.path) }
        case .failed(let code):
            throw swapFailed(code)
        case .unsupported:
            try swapByRenaming()
        }
    }

    /// Two renames where the system has no exchange. Killed between them, the output is missing and
    /// `previous` holds the old site: `SwapRepair` puts it back first thing in the next build.
    private func swapByRenaming() throws(OutputError) {
        guard rename(output.path, previous.path) == 0 else { throw swapFailed(errno) }
        try settings.reach(.oldSiteMovedAside)
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            rename(previous.path, output.path)
            throw swapFailed(code)
        }
        try settings.reach(.newSiteMovedIn)
        rename(previous.path, staging.path) // kept for reuse; if this fails, the next build does it
    }

    private func swapFailed(_ code: Int32) -> OutputError {
        let problem = FileWriting.describe(code)
        return OutputError("output.cannotSwapNewSite", ["problem": .message(problem)])
    }
}

/// The paths this build wrote, from the threads that write pages.
private final class WrittenPaths: @unchecked Sendable {
    private let guardState = NSLock()
    private var paths: Set<String>

    /// `expected`: about how many paths will be inserted (the staging folder's files, over a
    /// published site). The table is made twice that size: at 150,000 paths that differ only near
    /// their end, a fuller table compares many more of them on each insert and lookup.
    init(expected: Int) {
        paths = Set(minimumCapacity: expected * 2)
    }

    func insert(_ path: String) {
        guardState.withLock { _ = paths.insert(path) }
    }

    var all: Set<String> { guardState.withLock { paths } }
}
