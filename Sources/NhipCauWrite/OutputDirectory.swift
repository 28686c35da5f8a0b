#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// A problem with the output folder itself (not with the content).
public struct OutputError: Error, Sendable {
    public let message: LocalizedText

    init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        message = LocalizedText(key, arguments)
    }
}

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
    private let written = WrittenPaths()

    public static let markerName = ".nhipcau-site"
    static let markerBytes = Array("nhipcau\n".utf8)

    /// Checks that `output` is a folder the tool may replace, takes the lock on it, repairs a swap
    /// an earlier build could not finish, and prepares the staging folder.
    public convenience init(output: URL, content: URL) throws(OutputError) {
        try self.init(output: output, content: content, settings: OutputSettings())
    }

    init(output: URL, content: URL, settings: OutputSettings) throws(OutputError) {
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
        found = try StagingTree.take(staging)
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

    /// Removes what the previous site had and this build did not write, then puts the finished
    /// build in place of the published site in one step; the previous site stays as the staging folder.
    public func publish() throws(OutputError) {
        defer { lock.release() }
        if let stale = StagingTree.prune(staging.path, listing: found, written: written.all) {
            throw OutputError("output.cannotRemoveOldFile", ["stalePath": "\(stale.path)", "stagingPath": "\(staging.path)", "problem": .message(stale.problem)])
        }
        try swapIn()
    }

    /// Gives up on this build, leaving the published site untouched. The staging folder stays for
    /// the next build to reuse when a published site is beside it; otherwise it is removed.
    public func discard() {
        defer { lock.release() }
        if !OutputPath.exists(output.path) { StagingTree.remove(staging.path) }
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

/// The output folder (a final link followed) and the tool's names beside it.
struct OutputNames {
    let output: URL
    let staging: URL
    let previous: URL
    let lock: URL

    init(_ given: URL) {
        output = OutputPath.followingFinalLink(given.standardizedFileURL)
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).nhipcau-new")
        previous = parent.appendingPathComponent(".\(name).nhipcau-old")
        lock = parent.appendingPathComponent(".\(name).nhipcau-lock")
    }
}

/// What tests change: how long to wait for another build, whether to use the one-step exchange,
/// and a step at which to stop dead as if the process had been killed there.
struct OutputSettings: Sendable {
    var lockWait: Duration = .seconds(3)
    var exchange = true
    var crashAt: PublishStep?

    func reach(_ step: PublishStep) throws(OutputError) {
        if step == crashAt { throw OutputError("output.simulatedCrash", ["step": "\(step)"]) }
    }
}

enum PublishStep: Sendable, Equatable {
    case beforeSwap, oldSiteMovedAside, newSiteMovedIn
}

/// The paths this build wrote, from the threads that write pages.
private final class WrittenPaths: @unchecked Sendable {
    private let guardState = NSLock()
    private var paths = Set<String>()

    func insert(_ path: String) {
        guardState.withLock { _ = paths.insert(path) }
    }

    var all: Set<String> { guardState.withLock { paths } }
}

/// Undoes what an interrupted two-rename swap left, before anything else touches the folders.
enum SwapRepair {
    static func finish(output: URL, previous: URL, staging: URL) throws(OutputError) {
        guard OutputPath.exists(previous.path) else { return }
        guard OutputPath.isFolder(previous.path), OutputPath.hasMarker(previous) || OutputPath.isEmptyFolder(previous.path) else {
            throw OutputGuard.notMadeByTool(previous)
        }
        if !OutputPath.hasMarker(previous) {
            rmdir(previous.path)
        } else if !OutputPath.exists(output.path) {
            // Killed between the two renames: the old site is the one to put back.
            guard rename(previous.path, output.path) == 0 else { throw cannotRepair(previous, output, errno) }
        } else if !OutputPath.exists(staging.path) {
            rename(previous.path, staging.path)
        } else {
            StagingTree.remove(previous.path) // a third copy, marked as the tool's
        }
    }

    private static func cannotRepair(_ previous: URL, _ output: URL, _ code: Int32) -> OutputError {
        let problem = FileWriting.describe(code)
        return OutputError("output.lastBuildInterruptedPrevious", ["previousPath": "\(previous.path)", "outputPath": "\(output.path)", "problem": .message(problem), "outputLastPathComponent": "\(output.lastPathComponent)"])
    }
}

extension StagingTree {
    /// Takes the staging folder for this build: created when missing, reused (and listed) when it
    /// carries the marker or is empty, refused when it holds anything else.
    static func take(_ staging: URL) throws(OutputError) -> Listing {
        let path = staging.path
        if !OutputPath.exists(path) {
            guard mkdir(path, 0o755) == 0 else {
                let problem = FileWriting.describe(errno)
                throw OutputError("output.cannotCreateStagingFolder", ["path": "\(path)", "problem": .message(problem)])
            }
            return Listing()
        }
        guard OutputPath.isFolder(path), OutputPath.hasMarker(staging) || OutputPath.isEmptyFolder(path) else {
            throw OutputGuard.notMadeByTool(staging)
        }
        return list(path)
    }
}

/// Small questions about paths, asked with `lstat`: a link is never taken for what it points to.
enum OutputPath {
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func isFolder(_ path: String) -> Bool { FileWriting.isFolder(path) }

    static func hasMarker(_ folder: URL) -> Bool {
        var status = stat()
        let marker = folder.appendingPathComponent(OutputDirectory.markerName).path
        return lstat(marker, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true
    }

    /// Creates `folder` and any missing folders above it. A file in the way is named as such
    /// ("part of the path is a file"), not as "already exists".
    static func makeFolder(_ folder: URL) throws(OutputError) {
        var path = ""
        for component in folder.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) == 0 { continue }
            let code = errno == EEXIST && !FileWriting.isFolder(path) ? ENOTDIR : errno
            guard code != EEXIST else { continue }
            let reason = FileWriting.describe(code)
            throw OutputError("output.cannotCreateFolder", ["folderPath": "\(folder.path)", "reason": .message(reason)])
        }
    }

    /// `site -> www/xkld` gives `www/xkld`: the swap happens where the link points, so the link
    /// keeps working and the folder it names is the one brought up to date.
    static func followingFinalLink(_ url: URL) -> URL {
        var path = url.path
        for _ in 0..<40 {
            guard let target = linkTarget(path) else { break }
            let parent = (path as NSString).deletingLastPathComponent
            let next = URL(fileURLWithPath: target.hasPrefix("/") ? target : parent + "/" + target)
            let nextParent = next.deletingLastPathComponent()
            path = (realPath(nextParent.path) ?? nextParent.standardizedFileURL.path) + "/" + next.lastPathComponent
        }
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    static func checkLocation(output: URL, content: URL) throws(OutputError) {
        let path = output.resolvingSymlinksInPath().path
        let contentPath = content.resolvingSymlinksInPath().path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        if path == "/" || homeDirectories().contains(path) || path == current {
            throw OutputError("output.refusingWriteSiteHolds", ["path": "\(path)"])
        }
        if path == contentPath || path.hasPrefix(contentPath + "/") || contentPath.hasPrefix(path + "/") {
            throw OutputError("output.outputFolderContainsLies", ["path": "\(path)", "contentPath": "\(contentPath)"])
        }
    }

    /// The account's home and `$HOME` (what a shell's `~` means), which may differ, e.g. under sudo.
    private static func homeDirectories() -> Set<String> {
        var homes = [FileManager.default.homeDirectoryForCurrentUser]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            homes.append(URL(fileURLWithPath: home))
        }
        return Set(homes.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
    }

    static func checkReplaceable(output: URL) throws(OutputError) {
        let path = output.path
        guard OutputPath.exists(path) else { return }
        guard OutputPath.isFolder(path) else {
            throw OutputError("output.fileNotFolderChoose", ["path": "\(path)"])
        }
        if !OutputPath.isEmptyFolder(path) && !OutputPath.hasMarker(output) {
            throw OutputError("output.folderHoldsFilesNhipcau", ["path": "\(path)"])
        }
    }

    /// For the tool's own hidden folders beside the output, when something else is in them.
    static func notMadeByTool(_ folder: URL) -> OutputError {
        OutputError("output.holdsFilesNhipcauDid", ["folderPath": "\(folder.path)", "markerName": "\(OutputDirectory.markerName)"])
    }
}
