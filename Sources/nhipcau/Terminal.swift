import Foundation
import NhipCauBuild
import NhipCauCore

/// How much the tool says: `--quiet` only errors, `--verbose` also each step's time.
enum Verbosity {
    case quiet, normal, verbose

    init(quiet: Bool, verbose: Bool) {
        self = quiet ? .quiet : (verbose ? .verbose : .normal)
    }
}

/// Output that goes straight out (no buffering), so a line is seen the moment it is written,
/// also through a pipe. Progress lines are shown only on a terminal and erased by the next line.
enum Terminal {
    static let isInteractive = isatty(1) == 1

    static func say(_ line: String) {
        write(erase + line + "\n", to: .standardOutput)
    }

    static func complain(_ line: String) {
        write(erase, to: .standardOutput)
        write(line + "\n", to: .standardError)
    }

    /// A line that the next message replaces; nothing at all when stdout is not a terminal.
    static func progress(_ text: String) {
        guard isInteractive else { return }
        write("\r\u{1B}[K" + text, to: .standardOutput)
    }

    /// A closed pipe (the reader went away) must not stop the tool before it cleans up.
    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        try? handle.write(contentsOf: Data(text.utf8))
    }

    private static var erase: String { isInteractive ? "\r\u{1B}[K" : "" }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `  đọc nội dung: 0,05 giây` for each step, in order.
    static func stepLines(_ steps: [(BuildStep, Duration)], language: Language) -> [String] {
        let numbers = NumberFormat(language: language)
        let unit = language == .vi ? "giây" : "s"
        return steps.map { step, duration in
            "  \(step.name(in: language)): \(numbers.decimal(seconds(duration), fractionDigits: 3)) \(unit)"
        }
    }
}
