import NhipCauCore

/// libyaml's problem sentences (`mapping values are not allowed in this context`) said as an
/// officer understands them, with what to change. The line and column stay those libyaml gave.
struct YAMLProblem {
    /// What is wrong, as a clause: "có dấu `:` ở chỗ không được phép".
    let what: LocalizedText
    /// What to do, as a sentence.
    let fix: LocalizedText

    static let generalFix = LocalizedText("load.eachLineKeyValue")

    /// The problem libyaml (or Yams) reported, in plain words; an unknown one keeps libyaml's
    /// words, quoted, with the general rule.
    static func plain(_ problem: String) -> YAMLProblem {
        if let known = known.first(where: { problem.hasPrefix($0.prefix) }) { return known.problem }
        if problem.hasPrefix("duplicated keys: ") {
            let keys = problem.dropFirst("duplicated keys: ".count).split(separator: ", ").map { "`\($0)`" }.joined(separator: ", ")
            return YAMLProblem(
                what: LocalizedText("load.keyWrittenTwice", ["keys": "\(keys)"]),
                fix: LocalizedText("load.writeEachKeyOnce"))
        }
        return YAMLProblem(what: LocalizedText("load.yamlLibraryReports", ["problem": "\(problem)"]),
                           fix: generalFix)
    }

    private static let quoteFix = LocalizedText("load.putWholeValueDouble")

    private static let known: [(prefix: String, problem: YAMLProblem)] = [
        ("found unexpected end of stream", YAMLProblem(
            what: LocalizedText("load.frontMatterEndsMiddle"),
            fix: LocalizedText("load.closeQuoteEndValue"))),
        ("mapping values are not allowed in this context", YAMLProblem(
            what: LocalizedText("load.whereNoneAllowedValue"),
            fix: quoteFix)),
        ("did not find expected key", YAMLProblem(
            what: LocalizedText("load.lineNotKeyValue"),
            fix: LocalizedText("load.startKeyLeftMargin"))),
        ("found character that cannot start any token", YAMLProblem(
            what: LocalizedText("load.valueStartsCharacterYaml"),
            fix: LocalizedText("load.putWholeValueDouble2"))),
        ("could not find expected ':'", YAMLProblem(
            what: LocalizedText("load.lineNoAfterKey"),
            fix: LocalizedText("load.writeEachKeyValue"))),
        ("did not find expected ',' or ']'", YAMLProblem(
            what: LocalizedText("load.listNotClosedLacks"),
            fix: LocalizedText("load.writeListOneLine"))),
        ("did not find expected ',' or '}'", YAMLProblem(
            what: LocalizedText("load.notClosedLacksComma"),
            fix: LocalizedText("load.ifTextPutWhole"))),
        ("did not find expected node content", YAMLProblem(
            what: LocalizedText("load.valueMissingWhereOne"),
            fix: quoteFix)),
        ("found unknown escape character", YAMLProblem(
            what: LocalizedText("load.insideDoubleQuotesNot"),
            fix: LocalizedText("load.writeOnePutValue"))),
        ("found a tab character", YAMLProblem(
            what: LocalizedText("load.lineIndentedTab"),
            fix: LocalizedText("load.indentSpacesNotTabs"))),
        ("block sequence entries are not allowed in this context", YAMLProblem(
            what: LocalizedText("load.lineStartingWhereNone"),
            fix: LocalizedText("load.writeListsTagsB"))),
        ("found undefined tag handle", YAMLProblem(
            what: LocalizedText("load.valueStarts"),
            fix: quoteFix)),
        ("control characters are not allowed", YAMLProblem(
            what: LocalizedText("load.frontMatterHoldsInvisible"),
            fix: LocalizedText("load.typeLineAgainSuch"))),
        ("nested too deeply", YAMLProblem(
            what: LocalizedText("load.bracketsIndentationNestedToo"),
            fix: generalFix)),
    ]
}
