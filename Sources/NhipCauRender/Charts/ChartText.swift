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
        let ems = text.reduce(0.0) { total, character in total + emWidth(character) }
        return ems * size * 1.05
    }

    /// Widths in ems, a little above those of DejaVu Sans, the widest of the usual sans-serif
    /// faces (Roboto, San Francisco, Segoe UI and Arial are narrower).
    private static func emWidth(_ character: Character) -> Double {
        if character == " " { return 0.32 }
        if "iIl.,:;'|!()[]·/-".contains(character) { return 0.34 }
        if "mwMW—%@".contains(character) { return 0.95 }
        if character.isNumber { return 0.64 }
        if character.isUppercase || character == "–" { return 0.72 }
        return 0.6
    }

    /// `text` broken at spaces into lines no wider than `width`; a single word longer than a
    /// line is broken between letters rather than left to run over.
    static func wrap(_ text: String, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if Self.width(candidate, size: size) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in breakLongWord(word, size: size, width: width) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
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
