/// Text sizes and a width estimate for chart text, so that no label runs past the drawing.
///
/// Charts are 300 units wide and never drawn wider than 30rem (ChartStyles). On a 320 px phone
/// the content column is about 288 px, so one unit is 0.96 px there: 13 units is 12.5 px, the
/// smallest text a chart has; on a desktop the chart stops growing at 480 px (1.6 px a unit).
enum ChartText {
    /// Names of areas, groups, markets and plans.
    static let label = 14.0
    /// Figures, ticks and the legend.
    static let small = 13.0
    /// Baseline to baseline for wrapped labels.
    static func lineHeight(_ size: Double) -> Double { (size * 1.25).rounded(.up) }

    /// The width `text` takes at `size`, estimated from letter widths (Vietnamese diacritics sit
    /// above or below a letter and add no width). The estimate errs on the wide side, so a label
    /// that is said to fit does fit.
    static func width(_ text: String, size: Double) -> Double {
        ems(text) * size * 1.05
    }

    private static func ems(_ text: some StringProtocol, from start: Double = 0) -> Double {
        var total = start
        for character in text { total += emWidth(character) }
        return total
    }

    /// Widths in ems, a little above those of DejaVu Sans, the widest of the usual sans-serif
    /// faces (Roboto, San Francisco, Segoe UI and Arial are narrower).
    private static func emWidth(_ character: Character) -> Double {
        if let ascii = character.asciiValue { return asciiEms[Int(ascii)] }
        // The only letters of the lists below outside ASCII; U+037E is the same character as `;`.
        if character == "·" || character == "\u{037E}" { return 0.34 }
        if character == "—" { return 0.95 }
        if character.isNumber { return 0.64 }
        if character.isUppercase || character == "–" { return 0.72 }
        return 0.6
    }

    /// `emWidth` of each ASCII character, looked up rather than worked out: charts measure
    /// every label several times.
    private static let asciiEms: [Double] = (0..<128).map { code in
        let character = Character(Unicode.Scalar(UInt8(code)))
        if character == " " { return 0.32 }
        if "iIl.,:;'|!()[]/-".contains(character) { return 0.34 }
        if "mwMW%@".contains(character) { return 0.95 }
        if character.isNumber { return 0.64 }
        if character.isUppercase { return 0.72 }
        return 0.6
    }

    /// `text` broken at spaces into lines no wider than `width`; a single word longer than a
    /// line is broken between letters rather than left to run over.
    static func wrap(_ text: String, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentEms = 0.0 // `ems(current)`, kept as it grows so that no line is measured twice
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidateEms = current.isEmpty ? ems(word) : ems(word, from: currentEms + emWidth(" "))
            if candidateEms * size * 1.05 <= width {
                current = current.isEmpty ? String(word) : current + " " + word
                currentEms = candidateEms
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in breakLongWord(String(word), size: size, width: width) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
            currentEms = ems(current)
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    private static func breakLongWord(_ word: String, size: Double, width: Double) -> [String] {
        guard Self.width(word, size: size) > width else { return [word] }
        var pieces: [String] = []
        var piece = ""
        for character in word {
            if !piece.isEmpty, Self.width(piece + String(character), size: size) > width {
                pieces.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
