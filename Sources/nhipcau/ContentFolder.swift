import ArgumentParser
import Foundation
import NhipCauCore

/// `--content DIR` must name a folder that is there: a typo is a usage error (exit 2), said as such,
/// rather than a missing site.yml in a folder that does not exist.
enum ContentFolder {
    static func validate(_ path: String, language: Language) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return }
        if exists {
            throw Usage.error(language, "cli.contentFileNotContent", ["path": "\(path)"])
        }
        let folder: MessageArgument = path.isEmpty ? .message(LocalizedText("cli.emptyPath")) : "\(path)"
        throw Usage.error(language, "cli.noContentFolder", ["path": folder])
    }
}
