import Foundation
import Testing

/// The helper every test uses to run a program (`Spawned`), held to what those tests rely on.
@Suite struct SpawnedTests {
    @Test func theChildRunsInItsFolderWithTheAddedEnvironmentAndBothOutputs() throws {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let run = try Spawned.run("/bin/sh", ["-c", "pwd; echo \"$NHIPCAU_SPAWN_TEST\"; echo lỗi >&2; exit 3"],
                                  in: folder, environment: ["NHIPCAU_SPAWN_TEST": "có dấu"])
        #expect(run.stdout == "\(folder.path)\ncó dấu\n")
        #expect(run.stderr == "lỗi\n")
        #expect(run.ending == Spawned.Ending(code: 3, signalled: false))
        #expect(run.status == 3)
    }

    @Test func aProgramFoundOnThePathRuns() throws {
        #expect(try Spawned.run("sh", ["-c", "echo ok"]).stdout == "ok\n")
    }

    /// A child holding a copy of the test process's descriptors would keep an output folder's
    /// lock held after the test let it go: it sees only its standard streams.
    @Test func theChildGetsNoOtherDescriptorOfTheTestProcess() throws {
        let held = open("/dev/null", O_RDONLY)
        defer { close(held) }
        try #require(held > 2)
        let run = try Spawned.run("/bin/sh", ["-c", "exec ls /proc/self/fd"])
        try #require(run.status == 0, "\(run.stderr)")
        // `ls` itself opens one descriptor to read the folder.
        let open = run.stdout.split(separator: "\n").compactMap { Int($0) }.filter { $0 > 2 }
        #expect(open.count <= 1 && !open.contains(Int(held)), "\(run.stdout)")
    }

    @Test func aSignalledChildIsToldFromAnExitedOne() throws {
        let run = try Spawned.run("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(run.ending == Spawned.Ending(code: SIGTERM, signalled: true))
        #expect(run.status == 128 + SIGTERM)
    }

    @Test func signalsIgnoredByTheTestProcessAreDefaultInTheChild() throws {
        let previous = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previous) }
        let run = try Spawned.run("/bin/sh", ["-c", "grep '^SigIgn' /proc/self/status"])
        let mask = run.stdout.split(separator: "\t").last.flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) }
        let ignored = try #require(mask, "\(run.stdout)")
        #expect(ignored & (1 << (UInt64(SIGINT) - 1)) == 0, "SIGINT ignored in the child: \(run.stdout)")
    }

    @Test func signalsBlockedInTheTestThreadAreNotBlockedInTheChild() throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let run = try Spawned.run("/bin/sh", ["-c", "grep '^SigBlk' /proc/self/status"])
        let mask = run.stdout.split(separator: "\t").last.flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) }
        #expect(mask == 0, "\(run.stdout)")
    }

    /// What the program started is ended with it: a browser's helpers, a compiler's frontend.
    @Test func aProgramPastItsTimeIsEndedWithWhatItStarted() throws {
        let files = try TemporaryFolder("spawn")
        let pidFile = files.file("pid")
        let started = ContinuousClock.now
        #expect(throws: Spawned.Failure.self) {
            try Spawned.run("/bin/sh", ["-c", "sleep 30 & echo $! > \"$0\"; wait", pidFile.path], seconds: 0.5)
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        let grandchild = try #require(Int32(Spawned.text(of: pidFile).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for whoever adopted it to reap it.
        func ended() -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(grandchild)/stat", encoding: .utf8) else { return true }
            return stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false
        }
        #expect(ServeProcess.eventually(seconds: 5, ended), "the program's own child still runs")
    }

    /// `wait` holds no lock while the child runs: another thread can still signal it.
    @Test func anotherThreadCanSignalAChildBeingWaitedFor() throws {
        let sleeper = try Spawned("/bin/sleep", ["30"])
        let started = ContinuousClock.now
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            sleeper.send(SIGTERM)
        }
        #expect(sleeper.wait() == Spawned.Ending(code: SIGTERM, signalled: true))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aMissingProgramOrFolderIsSaidByName() throws {
        #expect { try Spawned("/nonexistent/program", []) } throws: { "\($0)".contains("/nonexistent/program") }
        #expect { try Spawned("/bin/true", [], in: URL(fileURLWithPath: "/nonexistent-folder"), stdin: .pipe) } throws: {
            "\($0)".contains("/nonexistent-folder")
        }
    }

    @Test func closingTheInputEndsAProgramReadingIt() throws {
        let files = try TemporaryFolder("spawn")
        let printed = files.file("out")
        let cat = try Spawned("/bin/cat", [], stdin: .pipe, stdout: .file(printed))
        let input = try #require(cat.input)
        _ = "xin chào\n".withCString { write(input, $0, strlen($0)) }
        cat.closeInput()
        // A copy of the input's write end left anywhere would keep `cat` reading: bounded, not `wait`.
        #expect(ServeProcess.eventually(seconds: 10) { !cat.isRunning }, "cat still reads after its input closed")
        cat.end()
        #expect(cat.wait() == Spawned.Ending(code: 0, signalled: false))
        #expect(Spawned.text(of: printed) == "xin chào\n")
    }
}
