import Foundation
import Testing
@testable import NhipCauBuild
import NhipCauCore

/// The progress line: real counts on a terminal, at most ten a second, erased at the end; nothing
/// at all when the output is not a terminal.
@Suite struct ProgressLineTests {
    /// What the line wrote, and a clock the test moves by hand.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []
        private var time = ContinuousClock.now

        var output: [String] { lock.withLock { written } }
        func write(_ text: String) { lock.withLock { written.append(text) } }
        func now() -> ContinuousClock.Instant { lock.withLock { time } }
        func advance(_ duration: Duration) { lock.withLock { time += duration } }
    }

    private func line(_ recorder: Recorder, terminal: Bool = true) -> ProgressLine {
        ProgressLine(isTerminal: terminal, now: { recorder.now() }, write: { recorder.write($0) })
    }

    @Test func countsAreShownInPlaceAtMostTenTimesASecondAndCleared() {
        let recorder = Recorder()
        let progress = line(recorder)
        let observer = progress.observer(language: .vi)
        observer(.step(.load))
        observer(.step(.pages))
        observer(.pages(done: 0, total: 11_285))
        for done in 1...4_000 {
            if done % 1_000 == 0 { recorder.advance(.milliseconds(100)) }
            observer(.pages(done: done, total: 11_285))
        }
        progress.clear()
        progress.clear()
        #expect(recorder.output == [
            "\r\u{1B}[KĐang đọc nội dung…",
            "\r\u{1B}[KĐang dựng trang 0/11.285",
            "\r\u{1B}[KĐang dựng trang 1.000/11.285",
            "\r\u{1B}[KĐang dựng trang 2.000/11.285",
            "\r\u{1B}[KĐang dựng trang 3.000/11.285",
            "\r\u{1B}[KĐang dựng trang 4.000/11.285",
            "\r\u{1B}[K",
        ])
    }

    @Test func englishAndCheckingHaveTheirOwnWords() {
        let recorder = Recorder()
        let observer = line(recorder).observer(language: .en, checking: true)
        observer(.pages(done: 0, total: 1_200))
        #expect(recorder.output == ["\r\u{1B}[KChecking pages 0/1,200"])
    }

    @Test func notATerminalWritesNothing() {
        let recorder = Recorder()
        let progress = line(recorder, terminal: false)
        let observer = progress.observer(language: .vi)
        observer(.step(.load))
        observer(.pages(done: 0, total: 10))
        observer(.pages(done: 10, total: 10))
        progress.clear()
        #expect(recorder.output.isEmpty)
    }

    /// A build counts every page; a count that is dropped, or goes to no terminal, is never formatted.
    @Test func aCountIsFormattedOnlyWhenItIsShown() {
        final class Made: @unchecked Sendable { var texts = 0 }
        let recorder = Recorder()
        let made = Made()
        let text = { () -> String in made.texts += 1; return "\(made.texts)" }
        let progress = line(recorder)
        progress.show(always: false, text)
        progress.show(always: false, text)
        progress.show(always: false, text)
        recorder.advance(.milliseconds(100))
        progress.show(always: false, text)
        progress.show(always: true, text)
        #expect(made.texts == 3)
        #expect(recorder.output == ["\r\u{1B}[K1", "\r\u{1B}[K2", "\r\u{1B}[K3"])
        line(recorder, terminal: false).show(always: true, text)
        #expect(made.texts == 3)
    }

    @Test func aBuildReportsEveryStepAndEveryPage() throws {
        final class Events: @unchecked Sendable {
            let lock = NSLock()
            var all: [BuildProgress] = []
        }
        let site = try TestSite(TestSite.minimal)
        let events = Events()
        let options = BuildOptions(content: site.content, output: site.output, today: testDate,
                                   progress: { event in events.lock.withLock { events.all.append(event) } })
        #expect(SiteBuild.run(options).isSuccess)
        let seen = events.lock.withLock { events.all }
        let steps = seen.compactMap { event -> BuildStep? in if case .step(let step) = event { step } else { nil } }
        #expect(steps == BuildStep.allCases, "\(steps)")
        let pages = seen.compactMap { event -> (Int, Int)? in if case .pages(let done, let total) = event { (done, total) } else { nil } }
        let total = try #require(pages.first?.1)
        #expect(total > 5)
        #expect(pages.map(\.0).sorted() == Array(0...total), "every page counted once")
        #expect(pages.allSatisfy { $0.1 == total })
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}

/// The real binary under a pseudo-terminal (`script`), and through a pipe.
@Suite(.serialized) struct TerminalProgressTests {
    static let script = URL(fileURLWithPath: "/usr/bin/script")

    @Test func onATerminalTheBuildShowsProgressAndErasesIt() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "swift build --build-tests first")
        try #require(FileManager.default.isExecutableFile(atPath: Self.script.path), "util-linux script(1) is needed")
        let site = try TestSite(TestSite.minimal)
        let command = "'\(CLI.binary.path)' build --date 2021-06-30"
        let run = try CLI.run(["-q", "-e", "-c", command, "/dev/null"], in: site.root, executable: Self.script)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let screen = run.stdout
        #expect(screen.contains("\r\u{1B}[KĐang đọc nội dung…"), "\(screen.debugDescription)")
        #expect(screen.firstMatch(of: /\r\u{1B}\[KĐang dựng trang \d+\/\d+/) != nil, "\(screen.debugDescription)")
        // Erased before the summary, which starts at the left margin.
        #expect(screen.contains("\r\u{1B}[KĐã viết "), "\(screen.debugDescription)")
    }

    @Test func throughAPipeThereIsNoProgressAtAll() throws {
        let site = try TestSite(TestSite.minimal)
        for arguments in [["build"], ["check"]] {
            let run = try CLI.run(arguments + ["--date", "2021-06-30"], in: site.root)
            #expect(run.status == 0)
            #expect(!(run.stdout + run.stderr).contains("\r"), "\(arguments)")
            #expect(!(run.stdout + run.stderr).contains("Đang "), "\(arguments)")
        }
    }
}
