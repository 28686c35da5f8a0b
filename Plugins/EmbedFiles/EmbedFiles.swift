import Foundation
import PackagePlugin

/// Embeds every file under the target's `Embedded/` folder into the target itself, as the
/// generated `enum EmbeddedFiles { static let files: [String: [UInt8]] }` keyed by the path
/// relative to `Embedded/` (`theme/templates/layout.mustache`). The executable then needs no
/// resource bundle beside it. The target lists `exclude: ["Embedded"]`, so SwiftPM does not treat
/// the files as sources; every file is an input of the command, so editing one rebuilds.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `directory` rather than `directoryURL`, which needs tools version 6.1.
        let folder = URL(fileURLWithPath: "\(target.directory)", isDirectory: true).appending(path: "Embedded", directoryHint: .isDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [.buildCommand(
            displayName: "Embedding \(target.name)/Embedded",
            executable: try context.tool(named: "EmbedFilesTool").url,
            arguments: [folder.path(percentEncoded: false), output.path(percentEncoded: false)],
            inputFiles: try files(under: folder),
            outputFiles: [output]
        )]
    }

    private func files(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return try walker.compactMap { item in
            guard let url = item as? URL, try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { return nil }
            return url
        }.sorted { $0.path < $1.path }
    }
}
