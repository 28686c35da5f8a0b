import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Reminders `nhipcau check` adds to the build's own checks: things that are not wrong today
/// but that an officer should look at before publishing.
enum ContentLint {
    static func reminders(_ site: Site) -> [Diagnostic] {
        site.policies.compactMap { policy in
            guard policy.replacedBy == nil, let expires = policy.expires, expires < site.today else { return nil }
            return .warning(location(ofKey: "expires", in: policy.document), "build.policyExpiredIfAnother", ["expires": .date(expires)])
        }
    }

    /// Where the value of a top-level front matter key is written, found in the front matter as it
    /// was read (it starts on line 2, below the opening `---`); the file's first line if not found.
    static func location(ofKey key: String, in document: ContentDocument) -> SourceLocation {
        let lines = document.frontMatterSource.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            return SourceLocation(file: document.file, line: 1, column: 1)
        }
        let line = lines[index]
        let afterColon = line.unicodeScalars.dropFirst(key.unicodeScalars.count + 1)
        let spaces = afterColon.prefix { $0 == " " || $0 == "\t" }.count
        let column = afterColon.count == spaces ? 1 : key.unicodeScalars.count + 2 + spaces
        return SourceLocation(file: document.file, line: 2 + index, column: column)
    }
}
