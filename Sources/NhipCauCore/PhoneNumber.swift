/// A Vietnamese telephone number as people write it — `0912.345.678`, `+84 912 345 678`,
/// `(0259) 3822 123`, `1800 1567` — kept as its national digits so that any grouping of the
/// same number compares equal, is found by search, and is shown one way everywhere.
///
/// Accepted (the numbering plan in force since the 2017–2018 renumbering):
/// mobiles, 10 digits from `03`, `05`, `07`, `08`, `09`; fixed lines, 11 digits from `02`
/// (a 3-digit province code after it); service numbers `1800` (free to call) and `1900` (the
/// caller pays), with 4 or 6 digits after them.
public struct PhoneNumber: Hashable, Sendable {
    /// National digits: `0912345678`, `02593822123`, `18001567`.
    public let digits: String

    public init?(_ text: String) {
        guard let digits = Self.nationalDigits(of: text), Self.kind(of: digits) != nil else { return nil }
        self.digits = digits
    }

    public enum Kind: Sendable { case mobile, fixedLine, freeService, paidService }

    public var kind: Kind { Self.kind(of: digits) ?? .mobile }

    /// How the number is written on the site: `0912 345 678`, `0259 3822 123`, `1800 1567`, `1900 123 456`.
    public var grouped: String {
        let characters = Array(digits)
        let sizes: [Int]
        switch kind {
        case .mobile: sizes = [4, 3, 3]
        case .fixedLine: sizes = [4, 4, 3]
        case .freeService, .paidService: sizes = characters.count == 8 ? [4, 4] : [4, 3, 3]
        }
        var groups: [String] = []
        var start = 0
        for size in sizes {
            groups.append(String(characters[start..<start + size]))
            start += size
        }
        return groups.joined(separator: " ")
    }

    /// A `tel:` link a phone dials from anywhere: `tel:+84912345678`; service numbers only work
    /// inside Vietnam and have no international form, so they stay `tel:18001567`.
    public var telURI: String {
        switch kind {
        case .mobile, .fixedLine: "tel:+84" + digits.dropFirst()
        case .freeService, .paidService: "tel:" + digits
        }
    }

    /// Digits with the country code turned into the national `0`, or nil when the text holds
    /// anything but digits, spaces, `.`, `-`, `(`, `)` and one leading `+`.
    static func nationalDigits(of text: String) -> String? {
        var digits = ""
        var sawPlus = false
        for character in text.unicodeScalars {
            switch character {
            case "0"..."9": digits.unicodeScalars.append(character)
            case " ", ".", "-", "(", ")", "\u{00A0}": continue
            case "+" where digits.isEmpty && !sawPlus: sawPlus = true
            default: return nil
            }
        }
        if digits.hasPrefix("84") && (sawPlus || digits.count == 11 || digits.count == 12) {
            return "0" + digits.dropFirst(2)
        }
        return sawPlus ? nil : digits
    }

    static func kind(of digits: String) -> Kind? {
        let count = digits.count
        if count == 10, ["03", "05", "07", "08", "09"].contains(where: digits.hasPrefix) { return .mobile }
        if count == 11, digits.hasPrefix("02") { return .fixedLine }
        if count == 8 || count == 10 {
            if digits.hasPrefix("1800") { return .freeService }
            if digits.hasPrefix("1900") { return .paidService }
        }
        return nil
    }
}
