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

    @Test func aProgramPastItsTimeIsKilled() throws {
        let started = ContinuousClock.now
        #expect(throws: Spawned.Failure.self) { try Spawned.run("/bin/sleep", ["30"], seconds: 0.3) }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func closingTheInputEndsAProgramReadingIt() throws {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        let printed = files.appendingPathComponent("out")
        let cat = try Spawned("/bin/cat", [], stdin: .pipe, stdout: .file(printed))
        let input = try #require(cat.input)
        _ = "xin chào\n".withCString { write(input, $0, strlen($0)) }
        cat.closeInput()
        #expect(cat.wait() == Spawned.Ending(code: 0, signalled: false))
        #expect(Spawned.text(of: printed) == "xin chào\n")
    }
}
