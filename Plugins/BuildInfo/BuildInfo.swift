import Foundation
import PackagePlugin

/// Before every build of the target it is applied to, writes `BuildInfo.swift` into the plugin's own
/// folder under the build folder (never into the sources, so the tree stays clean and nothing
/// generated is committed): `enum BuildInfo { static let commit = "…" }`, the checked-out commit,
/// with `-dirty` when tracked files differ from it, or "unknown" outside a git checkout or without git.
/// The file is replaced only when its text changes, so an unchanged commit recompiles nothing.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let outputFolder = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let outputFile = outputFolder.appending(path: "BuildInfo.swift")
        return [
            .prebuildCommand(
                displayName: "Recording the commit \(target.name) is built from",
                executable: URL(filePath: "/bin/sh"),
                arguments: ["-c", Self.script, "BuildInfo", context.package.directoryURL.path, outputFolder.path, outputFile.path],
                outputFilesDirectory: outputFolder),
        ]
    }

    /// $1 the package folder, $2 the output folder, $3 the output file. `--no-optional-locks`: a build
    /// must not write to .git (it may run in a sandbox, or beside an editor's git).
    static let script = #"""
        commit=$(git -C "$1" --no-optional-locks rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
        if [ "$commit" != unknown ] && ! git -C "$1" --no-optional-locks diff --quiet HEAD -- 2>/dev/null; then
          commit="$commit-dirty"
        fi
        mkdir -p "$2"
        text="// Written by Plugins/BuildInfo before each build.
        enum BuildInfo {
            static let commit = \"$commit\"
        }"
        if [ "$(cat "$3" 2>/dev/null)" != "$text" ]; then printf '%s\n' "$text" > "$3"; fi
        """#
}
