import NhipCauCore

/// `theme/i18n/<language>.yml`: a site's words for its interface, one `key: "text"` per line, read
/// like front matter (YAML through Yams, with lines, and the same plain-words errors).
public enum WordingFile {
    public struct Entry: Sendable, Hashable {
        public let key: String
        public let text: String
        public let location: SourceLocation
    }

    /// The entries in the order written, and the problems of the file itself (YAML, a list where text is expected).
    public static func read(_ text: String, file: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        switch FrontMatter.parse(text, file: file, firstLine: 1) {
        case .failure(let problem):
            return ([], [problem])
        case .success(var fields):
            var entries: [Entry] = []
            for key in fields.order {
                guard let value = fields.untrimmedText(key) else { continue }
                entries.append(Entry(key: key, text: value, location: fields.keyLocation(key)))
            }
            return (entries, fields.diagnostics)
        }
    }
}
