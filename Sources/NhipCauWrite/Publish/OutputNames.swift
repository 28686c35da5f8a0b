import Foundation

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
