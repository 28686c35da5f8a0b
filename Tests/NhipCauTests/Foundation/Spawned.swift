#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A program started with `posix_spawn` and reaped with `waitpid`, for every test that runs one.
///
/// Not Foundation's `Process`: on Linux it watches for its children's exit with a libdispatch
/// source, and that watch crashed the whole test process (SIGSEGV in `_dispatch_event_loop_drain`,
/// libdispatch's manager thread) while the serve and CLI tests were starting children
/// (swift-bundler issue 150 and swiftlang/swift-subprocess pull request 61 show the same frame).
/// Here nothing runs on another thread: output goes to files or pipes the test reads itself.
final class Spawned: @unchecked Sendable {
    /// Where the child's standard input comes from.
    enum Input {
        case null
        /// A pipe whose write end the test holds (`input`).
        case pipe
    }

    /// Where the child's standard output or error goes.
    enum Output {
        case null
        /// A file, made empty first; output and error may share one.
        case file(URL)
    }

    /// How the child ended.
    struct Ending: Equatable, CustomStringConvertible {
        /// The exit status, or the signal's number when `signalled`.
        let code: Int32
        let signalled: Bool
        var exited: Bool { !signalled }
        /// As a shell gives it: the exit status, or 128 and the signal.
        var status: Int32 { signalled ? 128 + code : code }
        var description: String { signalled ? "signal \(code)" : "exit \(code)" }
        /// The child was reaped by someone else, or could not be waited for.
        static let unknown = Ending(code: -1, signalled: false)
    }

    /// A program run to its end.
    struct Finished {
        let ending: Ending
        let stdout: String
        let stderr: String
        var status: Int32 { ending.status }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Also the child's process group: it leads a group of its own, as with Foundation's `Process`,
    /// so that what it starts in turn (a browser's helpers, a compiler's frontend) is ended with it.
    let pid: pid_t
    private let lock = NSLock()
    private var inputEnd: Int32?
    private var ending: Ending?

    /// `program` is a path, or a name looked up in `PATH`. `environment` is added to the test's own.
    init(_ program: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
         stdin: Input = .null, stdout: Output = .null, stderr: Output = .null) throws {
        var setup = try SpawnSetup()
        defer { setup.destroy() }
        var parentEnds: [Int32] = []
        defer { parentEnds.forEach { _ = close($0) } }
        var inputEnd: Int32?
        var started = false
        defer { if !started { inputEnd.map { _ = close($0) } } }
        switch stdin {
        case .null:
            try setup.open(0, "/dev/null", flags: O_RDONLY)
        case .pipe:
            let ends = try Self.closedOnExecPipe()
            parentEnds.append(ends[0])
            inputEnd = ends[1]
            try setup.dup(ends[0], to: 0)
        }
        for (output, target) in [(stdout, Int32(1)), (stderr, 2)] {
            switch output {
            case .null:
                try setup.open(target, "/dev/null", flags: O_WRONLY)
            case .file(let url):
                // Appending, so that standard output and error given the same file both land in it.
                try setup.open(target, url.path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_APPEND)
            }
        }
        if let folder { try setup.changeDirectory(folder.path) }

        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }.sorted()
        var child: pid_t = 0
        let status = withCStrings([program] + arguments) { argv in
            withCStrings(variables) { envp in
                setup.spawn { actions, attributes in
                    program.contains("/")
                        ? posix_spawn(&child, program, actions, attributes, argv, envp)
                        : posix_spawnp(&child, program, actions, attributes, argv, envp)
                }
            }
        }
        guard status == 0 else {
            let place = folder.map { " in \($0.path)" } ?? ""
            throw Failure(description: "could not start \(program)\(place): \(String(cString: strerror(status)))")
        }
        started = true
        pid = child
        self.inputEnd = inputEnd
    }

    /// Both ends closed on `exec`: the test's end must reach no other child, or this child would
    /// never see the end of its input.
    private static func closedOnExecPipe() throws -> [Int32] {
        var ends: [Int32] = [0, 0]
        // Another child started between `pipe` and `fcntl` still gets neither end: each child is
        // started with every other descriptor closed (`SpawnSetup.spawn`).
        guard pipe(&ends) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        guard ends.allSatisfy({ fcntl($0, F_SETFD, FD_CLOEXEC) == 0 }) else {
            let reason = String(cString: strerror(errno))
            ends.forEach { _ = close($0) }
            throw Failure(description: "fcntl: \(reason)")
        }
        return ends
    }

    deinit {
        closeInput()
        if isRunning { sendToGroup(SIGKILL) }
        wait()
    }

    /// The write end of the child's standard input, for `.pipe`; closing it is the child's end of input.
    var input: Int32? { lock.withLock { inputEnd } }

    func closeInput() {
        lock.withLock {
            if let inputEnd { close(inputEnd) }
            inputEnd = nil
        }
    }

    /// False once the child has ended (it is reaped then).
    var isRunning: Bool { reap() == nil }

    /// Waits for the child to end. The lock is not held while waiting, so another thread can
    /// signal the child or close its input meanwhile.
    @discardableResult
    func wait() -> Ending {
        while true {
            if let ending = reap() { return ending }
            // Waits for the end without reaping: the child stays a zombie, its number not reused,
            // until `reap` takes it under the lock.
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno != EINTR { return lost() }
        }
    }

    /// Sends `signal` unless the child was already reaped (its number may be another process's then).
    func send(_ signal: Int32) {
        lock.withLock {
            if ending == nil { _ = kill(pid, signal) }
        }
    }

    /// Sends `signal` to the child and to whatever it started that is still in its group.
    func sendToGroup(_ signal: Int32) {
        lock.withLock {
            if ending == nil { _ = kill(-pid, signal) }
        }
    }

    /// The child's ending once it has ended (reaping it then); nil while it runs.
    private func reap() -> Ending? {
        lock.withLock {
            if let ending { return ending }
            var status: Int32 = 0
            var reaped: pid_t
            repeat { reaped = waitpid(pid, &status, WNOHANG) } while reaped == -1 && errno == EINTR
            if reaped == -1 {
                // Reaped elsewhere (or SIGCHLD ignored): the ending is unknown, not "still running".
                ending = .unknown
                return ending
            }
            guard reaped == pid else { return nil }
            // WIFSIGNALED and WEXITSTATUS are macros Swift does not import; no stop or continue is
            // reported without WUNTRACED or WCONTINUED.
            let signal = status & 0x7f
            ending = signal == 0 ? Ending(code: (status >> 8) & 0xff, signalled: false) : Ending(code: signal, signalled: true)
            return ending
        }
    }

    /// `waitid` failed for another reason than a signal: the ending is unknown.
    private func lost() -> Ending {
        lock.withLock {
            let known = ending ?? .unknown
            ending = known
            return known
        }
    }

    /// Asks the child's group to stop (SIGTERM), then kills it after `grace` seconds, and waits.
    @discardableResult
    func end(grace: Double = 2) -> Ending {
        sendToGroup(SIGTERM)
        let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
        while isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        sendToGroup(SIGKILL)
        return wait()
    }

    /// Runs a program to its end, or kills it after `seconds`; standard output and error go to
    /// files, so nothing blocks however much it prints.
    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                    seconds: Double = 600) throws -> Finished {
        let files = try TemporaryFolder("run")
        let out = files.file("out"), err = files.file("err")
        let child = try Spawned(program, arguments, in: folder, environment: environment, stdout: .file(out), stderr: .file(err))
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while child.isRunning {
            if ContinuousClock.now > deadline {
                child.end()
                throw Failure(description: "\((program as NSString).lastPathComponent) took more than \(Int(seconds)) s")
            }
            usleep(2_000)
        }
        return Finished(ending: child.wait(), stdout: text(of: out), stderr: text(of: err))
    }

    static func text(of file: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
    }
}

/// What the child gets besides its program and arguments: its standard streams and folder, and
/// signals as from a fresh shell, none blocked and each with its default action (the test runner
/// may ignore some, and ignored signals survive `exec`). The two C types are structs on Glibc and
/// pointers on Darwin.
private struct SpawnSetup {
    #if canImport(Darwin)
    typealias Actions = posix_spawn_file_actions_t?
    typealias Attributes = posix_spawnattr_t?
    private var actions: Actions = nil
    private var attributes: Attributes = nil
    #else
    typealias Actions = posix_spawn_file_actions_t
    typealias Attributes = posix_spawnattr_t
    private var actions = Actions()
    private var attributes = Attributes()
    #endif

    init() throws {
        try check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init")
        try check(posix_spawnattr_init(&attributes), "posix_spawnattr_init")
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        try check(posix_spawnattr_setsigmask(&attributes, &none), "posix_spawnattr_setsigmask")
        try check(posix_spawnattr_setsigdefault(&attributes, &all), "posix_spawnattr_setsigdefault")
        try check(posix_spawnattr_setpgroup(&attributes, 0), "posix_spawnattr_setpgroup")
        #if canImport(Darwin)
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_CLOEXEC_DEFAULT
        #else
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP
        #endif
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), "posix_spawnattr_setflags")
    }

    mutating func destroy() {
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
    }

    mutating func open(_ target: Int32, _ path: String, flags: Int32) throws {
        try check(posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o644), "open \(path)")
    }

    mutating func dup(_ descriptor: Int32, to target: Int32) throws {
        try check(posix_spawn_file_actions_adddup2(&actions, descriptor, target), "dup2")
    }

    mutating func changeDirectory(_ path: String) throws {
        #if canImport(Darwin)
        try check(posix_spawn_file_actions_addchdir_np(&actions, path), "chdir \(path)")
        #else
        try check(GlibcExtension.addChdir(&actions, path), "chdir \(path)")
        #endif
    }

    /// Descriptors the test process holds (an output folder's lock among them) stay out of the
    /// child: a child holding a copy of a lock would keep it after the test let it go. On Linux
    /// they are closed after the streams are set up; Darwin's `POSIX_SPAWN_CLOEXEC_DEFAULT` does it.
    mutating func spawn(_ body: (UnsafePointer<Actions>, UnsafePointer<Attributes>) -> Int32) -> Int32 {
        #if !canImport(Darwin)
        let closing = GlibcExtension.addCloseFrom(&actions, 3)
        guard closing == 0 else { return closing }
        #endif
        return withUnsafePointer(to: &actions) { actions in
            withUnsafePointer(to: &attributes) { attributes in body(actions, attributes) }
        }
    }
}

private func check(_ status: Int32, _ what: String) throws {
    guard status == 0 else { throw Spawned.Failure(description: "\(what): \(String(cString: strerror(status)))") }
}

/// `body` gets a NULL-terminated array of C strings that lives while it runs.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies + [nil])
}

#if !canImport(Darwin)
/// glibc's `posix_spawn` extensions (glibc 2.29 and 2.34), which Swift's Glibc module does not import.
private enum GlibcExtension {
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let function = lookUp("posix_spawn_file_actions_addchdir_np", as: Function.self) else { return ENOSYS }
        return function(actions, path)
    }

    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let function = lookUp("posix_spawn_file_actions_addclosefrom_np", as: Function.self) else { return ENOSYS }
        return function(actions, lowest)
    }

    private static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let library = dlopen(nil, RTLD_NOW), let symbol = dlsym(library, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
#endif
