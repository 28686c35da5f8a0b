import NhipCauCore

/// libyaml's problem sentences (`mapping values are not allowed in this context`) said as an
/// officer understands them, with what to change. The line and column stay those libyaml gave.
struct YAMLProblem {
    /// What is wrong, as a clause: "có dấu `:` ở chỗ không được phép".
    let what: LocalizedText
    /// What to do, as a sentence.
    let fix: LocalizedText

    static let generalFix = LocalizedText(
        vi: "Mỗi dòng phải có dạng `khóa: giá trị`; giá trị có dấu `:` hoặc bắt đầu bằng `[`, `{`, `*`, `&`, `#` thì đặt trong ngoặc kép.",
        en: "Each line must be `key: value`; quote a value that contains `:` or starts with `[`, `{`, `*`, `&` or `#`.")

    /// The problem libyaml (or Yams) reported, in plain words; an unknown one keeps libyaml's
    /// words, quoted, with the general rule.
    static func plain(_ problem: String) -> YAMLProblem {
        if let known = known.first(where: { problem.hasPrefix($0.prefix) }) { return known.problem }
        if problem.hasPrefix("duplicated keys: ") {
            let keys = problem.dropFirst("duplicated keys: ".count).split(separator: ", ").map { "`\($0)`" }.joined(separator: ", ")
            return YAMLProblem(
                what: LocalizedText(vi: "khóa \(keys) được viết hai lần", en: "the key \(keys) is written twice"),
                fix: LocalizedText(vi: "Mỗi khóa chỉ viết một lần: xóa hoặc gộp dòng thừa.", en: "Write each key once: remove or merge the extra line."))
        }
        return YAMLProblem(what: LocalizedText(vi: "thư viện YAML báo “\(problem)”", en: "the YAML library reports “\(problem)”"),
                           fix: generalFix)
    }

    private static let quoteFix = LocalizedText(
        vi: "Đặt cả giá trị trong ngoặc kép, ví dụ `title: \"Chị Lan: ba năm ở Nhật Bản\"`.",
        en: "Put the whole value in double quotes, e.g. `title: \"Lan: three years in Japan\"`.")

    private static let known: [(prefix: String, problem: YAMLProblem)] = [
        ("found unexpected end of stream", YAMLProblem(
            what: LocalizedText(vi: "phần đầu trang hết khi một giá trị còn dở (thường là thiếu dấu ngoặc kép `\"` đóng)",
                                en: "the front matter ends in the middle of a value (usually a missing closing `\"`)"),
            fix: LocalizedText(vi: "Đóng ngoặc kép ở cuối giá trị, trên cùng dòng với dấu mở.",
                               en: "Close the quote at the end of the value, on the line where it opened."))),
        ("mapping values are not allowed in this context", YAMLProblem(
            what: LocalizedText(vi: "có dấu `:` ở chỗ không được phép (một giá trị chứa `: ` mà không đặt trong ngoặc kép)",
                                en: "a `:` where none is allowed (a value containing `: ` without quotes)"),
            fix: quoteFix)),
        ("did not find expected key", YAMLProblem(
            what: LocalizedText(vi: "dòng này không có dạng `khóa: giá trị` hoặc thụt lề khác các dòng trên",
                                en: "this line is not a `key: value` line, or is indented differently from the lines above"),
            fix: LocalizedText(vi: "Viết khóa sát lề trái, ví dụ `summary: …`; nếu giá trị có dấu ngoặc kép bên trong, đặt cả giá trị trong ngoặc kép và viết `\\\"` cho dấu ngoặc bên trong.",
                               en: "Start the key at the left margin, e.g. `summary: …`; if the value has quotes inside, quote the whole value and write `\\\"` for the inner ones."))),
        ("found character that cannot start any token", YAMLProblem(
            what: LocalizedText(vi: "giá trị bắt đầu bằng một ký tự YAML không cho đứng đầu (như `@`, `` ` `` hoặc dấu tab)",
                                en: "a value starts with a character YAML does not allow there (such as `@`, `` ` `` or a tab)"),
            fix: LocalizedText(vi: "Đặt cả giá trị trong ngoặc kép, và dùng dấu cách thay cho dấu tab.",
                               en: "Put the whole value in double quotes, and use spaces instead of tabs."))),
        ("could not find expected ':'", YAMLProblem(
            what: LocalizedText(vi: "một dòng thiếu dấu `:` sau khóa (hoặc một giá trị bị ngắt xuống dòng)",
                                en: "a line has no `:` after its key (or a value is broken over two lines)"),
            fix: LocalizedText(vi: "Viết mỗi khóa và giá trị trên một dòng: `khóa: giá trị`.",
                               en: "Write each key and value on one line: `key: value`."))),
        ("did not find expected ',' or ']'", YAMLProblem(
            what: LocalizedText(vi: "danh sách trong ngoặc vuông `[…]` chưa đóng hoặc thiếu dấu phẩy",
                                en: "a `[…]` list is not closed, or lacks a comma"),
            fix: LocalizedText(vi: "Viết danh sách trên một dòng, các mục cách nhau bằng dấu phẩy, kết thúc bằng `]`, ví dụ `tags: [Nhật Bản, điều dưỡng]`.",
                               en: "Write the list on one line, items separated by commas, ending with `]`, e.g. `tags: [Japan, nursing]`."))),
        ("did not find expected ',' or '}'", YAMLProblem(
            what: LocalizedText(vi: "ngoặc nhọn `{…}` chưa đóng hoặc thiếu dấu phẩy", en: "a `{…}` is not closed, or lacks a comma"),
            fix: LocalizedText(vi: "Nếu đây là chữ, đặt cả giá trị trong ngoặc kép.", en: "If this is text, put the whole value in double quotes."))),
        ("did not find expected node content", YAMLProblem(
            what: LocalizedText(vi: "thiếu giá trị ở chỗ cần có (ví dụ dấu phẩy thừa trong `[…]`)",
                                en: "a value is missing where one is needed (e.g. an extra comma in `[…]`)"),
            fix: quoteFix)),
        ("found unknown escape character", YAMLProblem(
            what: LocalizedText(vi: "trong ngoặc kép có dấu `\\` không hợp lệ", en: "a `\\` inside double quotes is not a valid escape"),
            fix: LocalizedText(vi: "Viết `\\\\` cho một dấu `\\`, hoặc đặt giá trị trong ngoặc đơn `'…'`.",
                               en: "Write `\\\\` for one `\\`, or put the value in single quotes `'…'`."))),
        ("found a tab character", YAMLProblem(
            what: LocalizedText(vi: "dòng được thụt lề bằng dấu tab", en: "a line is indented with a tab"),
            fix: LocalizedText(vi: "Thụt lề bằng dấu cách, không dùng tab.", en: "Indent with spaces, not tabs."))),
        ("block sequence entries are not allowed in this context", YAMLProblem(
            what: LocalizedText(vi: "có dòng bắt đầu bằng `- ` ở chỗ không được phép", en: "a line starting with `- ` where none is allowed"),
            fix: LocalizedText(vi: "Viết danh sách dạng `tags: [a, b]`, hoặc đặt giá trị bắt đầu bằng `-` trong ngoặc kép.",
                               en: "Write lists as `tags: [a, b]`, or quote a value that starts with `-`."))),
        ("found undefined tag handle", YAMLProblem(
            what: LocalizedText(vi: "giá trị bắt đầu bằng `!`", en: "a value starts with `!`"),
            fix: quoteFix)),
        ("control characters are not allowed", YAMLProblem(
            what: LocalizedText(vi: "có ký tự điều khiển (không nhìn thấy) trong phần đầu trang",
                                en: "the front matter holds an invisible control character"),
            fix: LocalizedText(vi: "Gõ lại dòng này (ký tự lạ thường có khi chép từ Word hay PDF).",
                               en: "Type the line again (such characters often come from copying out of Word or a PDF)."))),
        ("nested too deeply", YAMLProblem(
            what: LocalizedText(vi: "ngoặc hoặc thụt lề lồng nhau quá sâu", en: "brackets or indentation are nested too deeply"),
            fix: generalFix)),
    ]
}
