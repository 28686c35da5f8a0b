#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

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
