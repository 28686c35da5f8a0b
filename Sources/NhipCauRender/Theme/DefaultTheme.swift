/// The default theme: the files under `Sources/NhipCauRender/Embedded/theme/`, laid out as an
/// officer's `content/theme/` is (`templates/*.mustache`, `assets/style.css`, `assets/charts.css`,
/// `assets/search.js`), built into the executable by the EmbedFiles plugin. Any of them can be
/// replaced by the file of the same path under `content/theme/`; `nhipcau theme` writes them all
/// out as a starting point.
public enum DefaultTheme {
    /// Path inside the theme folder (`templates/layout.mustache`) → the file as written in the source tree.
    public static let files: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: EmbeddedFiles.files.compactMap { path, bytes in
        path.hasPrefix(embeddedFolder) ? (String(path.dropFirst(embeddedFolder.count)), bytes) : nil
    })
    private static let embeddedFolder = "theme/"

    /// Template name (`layout`, `story-list`) → its text.
    static let templates: [String: String] = Dictionary(uniqueKeysWithValues: files.compactMap { path, bytes in
        guard path.hasPrefix(Theme.templateFolder), path.hasSuffix(Theme.templateExtension),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return (String(path.dropFirst(Theme.templateFolder.count).dropLast(Theme.templateExtension.count)), text)
    })

    /// Output path (`assets/style.css`) → bytes as the site serves them: stylesheets and script
    /// minified (the readable files are what `nhipcau theme` writes out and officers edit).
    static let assets: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: files.compactMap { path, bytes in
        guard path.hasPrefix(Theme.assetFolder) else { return nil }
        return (path, shipped(path, bytes))
    })

    /// A file of the theme as text ("" when missing): `text("assets/charts.css")`.
    public static func text(_ path: String) -> String {
        files[path].flatMap { String(validating: $0, as: UTF8.self) } ?? ""
    }

    private static func shipped(_ path: String, _ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        if path.hasSuffix(".css") { return Array(StyleMinifier.minify(text).utf8) }
        if path.hasSuffix(".js") { return Array((ScriptMinifier.minify(text) ?? text).utf8) }
        return bytes
    }
}
