#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

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
