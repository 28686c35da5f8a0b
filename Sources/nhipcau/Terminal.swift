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
/// also through a pipe. The progress line lives on standard error, only when that is a
/// terminal, and is erased before anything else is written.
enum Terminal {
    static let progressLine = ProgressLine(isTerminal: isatty(2) == 1) { text in
        write(text, to: .standardError)
    }

    static func say(_ line: String) {
        progressLine.clear()
        write(line + "\n", to: .standardOutput)
    }

    static func complain(_ line: String) {
        progressLine.clear()
        write(line + "\n", to: .standardError)
    }

    /// A closed pipe (the reader went away) must not stop the tool before it cleans up.
    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        try? handle.write(contentsOf: Data(text.utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `  đọc nội dung: 0,05 giây` for each step, in order; a step timed in parts, once with their sum.
    static func stepLines(_ steps: [(BuildStep, Duration)], language: Language) -> [String] {
        let numbers = NumberFormat(language: language)
        let unit = LocalizedText("cli.s").text(in: language)
        var order: [BuildStep] = []
        var total: [BuildStep: Duration] = [:]
        for (step, duration) in steps {
            if total[step] == nil { order.append(step) }
            total[step, default: .zero] += duration
        }
        return order.map { step in (step, total[step] ?? .zero) }.map { step, duration in
            "  \(step.name(in: language)): \(numbers.decimal(seconds(duration), fractionDigits: 3)) \(unit)"
        }
    }
}
