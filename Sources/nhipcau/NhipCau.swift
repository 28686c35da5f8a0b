import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

@main
struct NhipCau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhipcau",
        abstract: "Build the public information portal about working abroad under contract.",
        discussion: """
        Officers write Markdown and JSON under content/; `nhipcau build` turns it into a complete \
        static website in site/ that any web server can host, at its root or under any sub-path.
        """,
        version: Version.description,
        subcommands: [Build.self, Check.self, New.self, Init.self, Serve.self, ThemeCommand.self],
        defaultSubcommand: nil)

    /// Usage errors exit with 2 (as documented), content errors with 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let language = MessageLanguage.of(arguments: CommandLine.arguments)
                FileHandle.standardError.write(Data((Usage.translated(fullMessage(for: error), to: language) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
