import Foundation
import Testing

/// `nhipcau --version`: the version written in Sources/nhipcau/Version.swift and the commit that
/// Plugins/BuildInfo read from git before this very build (the checkout's HEAD, as `git` says it).
@Suite struct VersionTests {
    @Test func versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path),
                     "build the tool first: swift build --build-tests (looked for \(CLI.binary.path))")
        let run = try CLI.run(["--version"], in: TestPaths.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let line = run.stdout.trimmingCharacters(in: .newlines)
        let match = try #require(line.wholeMatch(of: /(\d+\.\d+\.\d+) \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)/),
                                 "`nhipcau --version` printed `\(line)`")
        let source = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Sources/nhipcau/Version.swift"),
                                encoding: .utf8)
        #expect(source.contains("static let number = \"\(match.1)\""), "\(line)")

        let git = try? CLI.run(["rev-parse", "--short=12", "HEAD"], in: TestPaths.packageRoot,
                               executable: URL(fileURLWithPath: "/usr/bin/git"))
        guard let git, git.status == 0 else {
            #expect(match.2 == "unknown", "no git checkout here, yet the version names a commit: \(line)")
            return
        }
        let head = git.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(match.2.hasPrefix(head), "built from \(match.2), but HEAD is \(head): rebuild (swift build --build-tests)")
    }
}
