#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// An exclusive `flock` on `.<output>.nhipcau-lock` beside the output folder, held from the
/// moment a build takes the staging folder until it published or gave up. Two builds into one
/// folder would otherwise share the staging folder and publish half of each. The kernel drops
/// the lock when the process ends, however it ends, so a killed build never locks anyone out.
/// The file stays (removing a lock file while another process waits on it would let a third in).
final class OutputLock: @unchecked Sendable {
    private let guardState = NSLock()
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Waits up to `wait` for another build to finish, then gives up with a message naming it.
    static func acquire(at path: String, for output: String, wait: Duration) throws(OutputError) -> OutputLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let problem = FileWriting.describe(errno)
            throw OutputError("output.cannotCreateLockFile", ["path": "\(path)", "problem": .message(problem), "output": "\(output)"])
        }
        let deadline = ContinuousClock.now + wait
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR, ContinuousClock.now < deadline else {
                let holder = Self.holder(descriptor)
                close(descriptor)
                if code == EWOULDBLOCK || code == EINTR { throw busy(output, holder: holder) }
                let problem = FileWriting.describe(code)
                throw OutputError("output.cannotLock", ["path": "\(path)", "problem": .message(problem)])
            }
            usleep(50_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return OutputLock(descriptor: descriptor)
    }

    func release() {
        guardState.withLock {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    /// The process id the holder wrote into the file, if it got that far.
    private static func holder(_ descriptor: Int32) -> Int? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func busy(_ output: String, holder: Int?) -> OutputError {
        let process: MessageArgument = holder.map { .message(LocalizedText("output.buildProcess", ["process": "\($0)"])) } ?? ""
        return OutputError("output.anotherBuildWriting", ["process": process, "output": "\(output)"])
    }
}
