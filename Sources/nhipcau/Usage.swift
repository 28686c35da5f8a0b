import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

/// The language of the tool's own messages: `--lang` when given, else the `language` of the
/// site's site.yml, else Vietnamese.
enum MessageLanguage {
    static func resolve(flag: String?, content: String) -> Language {
        if let flag, let language = messageLanguage(flag) { return language }
        return SiteFolder.declaredLanguage(URL(fileURLWithPath: content)).forMessages
    }

    /// The same, for `new`, whose site is looked for upwards from the current folder.
    static func resolve(flag: String?, site: Result<SiteFolder, SiteFolder.Failure>) -> Language {
        if let flag, let language = messageLanguage(flag) { return language }
        return (try? site.get())?.language.forMessages ?? .vi
    }

    /// Before the command line is understood (its own errors are being reported): the same
    /// rules, reading `--lang` and `--content` straight from the arguments.
    static func of(arguments: [String]) -> Language {
        let arguments = Array(arguments.dropFirst())
        let command = arguments.first
        let flag = value(of: "--lang", in: arguments)
        if command == "init" { return flag.flatMap(messageLanguage) ?? .vi }
        let content = value(of: "--content", in: arguments)
        if command == "new" || command == "theme" {
            let site = SiteFolder.locate(content: content, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            return resolve(flag: flag, site: site)
        }
        return resolve(flag: flag, content: content ?? "content")
    }

    /// `--lang`'s value when the tool's messages are written in that language.
    static func messageLanguage(_ flag: String) -> Language? {
        Language(rawValue: flag).flatMap { MessageCatalog.languages.contains($0) ? $0 : nil }
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }
}

/// Usage errors (exit status 2) in the officer's language. Ours are written in both languages;
/// swift-argument-parser's own sentences are put into Vietnamese for the usual cases, while its
/// `Usage:` and `Help:` lines (and `--help`) stay in English.
enum Usage {
    static func error(_ language: Language, _ key: String, _ arguments: [String: MessageArgument] = [:]) -> ValidationError {
        ValidationError(LocalizedText(key, arguments).text(in: language))
    }

    static func badDate(_ date: String, _ language: Language) -> ValidationError {
        error(language, "cli.dateRealDayWritten", ["date": "\(date)"])
    }

    static func badLanguage(_ language: Language) -> ValidationError {
        error(language, "cli.langViEn")
    }

    static func quietAndVerbose(_ language: Language) -> ValidationError {
        error(language, "cli.quietVerboseCannotUsed")
    }

    /// Checks shared by every command.
    static func validate(date: String?, lang: String?, quiet: Bool, verbose: Bool, language: Language) throws {
        if let lang, MessageLanguage.messageLanguage(lang) == nil { throw badLanguage(language) }
        if let date, SimpleDate(written: date) == nil { throw badDate(date, language) }
        if quiet && verbose { throw quietAndVerbose(language) }
    }

    /// The whole usage message swift-argument-parser made, in `language`.
    static func translated(_ message: String, to language: Language) -> String {
        guard language == .vi else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("Error: ") { return "Lỗi: " + vietnamese(String(line.dropFirst("Error: ".count))) }
            if let command = line.firstMatch(of: /^  See '(.+)' for more information\.$/)?.output.1 {
                return "  Xem `\(command)` để biết thêm (bằng tiếng Anh)."
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// swift-argument-parser's sentences that officers meet most; anything else is left as it is.
    static func vietnamese(_ sentence: String) -> String {
        if let match = sentence.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return "thiếu \(match.output.1) trong lệnh." + missingArgumentHint(String(match.output.1))
        }
        if let match = sentence.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return "lệnh này không có tùy chọn `\(match.output.1)`. Có phải ý bạn là `\(match.output.2)`?"
        }
        if let match = sentence.wholeMatch(of: /Unknown option '(.+)'/) {
            return "lệnh này không có tùy chọn `\(match.output.1)`."
        }
        if let match = sentence.wholeMatch(of: /Missing value for '(\S+).*'/) {
            return "thiếu giá trị sau `\(match.output.1)`."
        }
        if let match = sentence.wholeMatch(of: /The value '(.*)' is invalid for '(\S+).*?'(?:\. Please provide one of (.+)\.)?/) {
            let choices = match.output.3.map { " Chọn một trong: " + $0.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " or ", with: ", ") + "." } ?? ""
            return "giá trị `\(match.output.1)` không dùng được cho `\(match.output.2)`." + choices
        }
        if let match = sentence.wholeMatch(of: /Unexpected arguments? (.+)/) {
            let words = match.output.1.replacingOccurrences(of: "'", with: "`")
            return "không hiểu \(words) ở đây. Các lệnh: build, check, new, init, serve, theme; tiêu đề có dấu cách phải đặt trong ngoặc kép."
        }
        return sentence
    }

    private static func missingArgumentHint(_ argument: String) -> String {
        switch argument {
        case "<title>": " Viết tiêu đề trong ngoặc kép, ví dụ: nhipcau new story \"Chị Lan và ba năm ở Nhật Bản\""
        case "<kind>": " Chọn story, market, policy hoặc page, ví dụ: nhipcau new story \"Tiêu đề\""
        case "<dir>": " Viết tên thư mục mới, ví dụ: nhipcau init cong-thong-tin"
        default: ""
        }
    }
}
