/// Numbers, percentages and money as readers of the site's language expect them:
/// Vietnamese `1.200`, `95,8%`, `28.000.000 đ`; English `1,200`, `95.8%`, `28,000,000 VND`.
/// Written by hand rather than with a locale-dependent formatter so that output never
/// depends on the machine that builds it.
public struct NumberFormat: Sendable {
    private let groupSeparator: String
    private let decimalSeparator: String
    /// `{amount} đ`: how a sum of money is written around the number.
    private let money: String

    /// The tool's own formats for the languages of its messages (Vietnamese for any other).
    public init(language: Language) {
        let english = language == .en
        groupSeparator = english ? "," : "."
        decimalSeparator = english ? "." : ","
        money = english ? "{amount} VND" : "{amount} đ"
    }

    /// A site's formats, from its wording file (`format.groupSeparator` …).
    public init(groupSeparator: String, decimalSeparator: String, money: String) {
        self.groupSeparator = groupSeparator
        self.decimalSeparator = decimalSeparator
        self.money = money
    }

    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(groupSeparator) }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A number with at most `fractionDigits` decimals, trailing zeros dropped: 95,8 · 72 · 1.234,5.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        let scale = Int((0..<fractionDigits).reduce(1.0) { acc, _ in acc * 10 })
        let scaled = Int((value * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = String(abs(scaled % scale))
        guard fractionDigits > 0 else { return integer(whole) }
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return fraction.isEmpty ? sign + integer(whole) : sign + integer(whole) + decimalSeparator + fraction
    }

    /// `0.958` → `95,8%`.
    public func percent(_ ratio: Double) -> String {
        decimal(ratio * 100) + "%"
    }

    public func money(_ vnd: Int) -> String {
        Placeholders.fill(money) { $0 == "amount" ? integer(vnd) : nil }
    }
}
