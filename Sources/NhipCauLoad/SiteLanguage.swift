import NhipCauCore

/// The `language:` line of site.yml, read on its own: messages speak the site's language even
/// when site.yml or other files have errors, and before any content is loaded (usage errors).
public enum SiteLanguage {
    /// Nil when there is no site.yml, or it declares no language the tool speaks.
    public static func declared(in content: any ContentReading) -> Language? {
        guard content.fileExists(SiteConfigLoader.file), (content.size(of: SiteConfigLoader.file) ?? 0) <= 1024 * 1024,
              let bytes = try? content.read(SiteConfigLoader.file) else { return nil }
        return declared(inText: String(decoding: bytes, as: UTF8.self))
    }

    /// A top-level `language: en` line (quotes and a trailing `# comment` allowed).
    static func declared(inText text: String) -> Language? {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) where line.hasPrefix("language:") {
            var value = line.dropFirst("language:".count)
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            let code = value.trimmed.trimmingQuotes.lowercased()
            return Language(rawValue: code)
        }
        return nil
    }
}

private extension String {
    var trimmingQuotes: String {
        guard count >= 2, let first, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
