#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Tells the watcher as soon as something under the content folder changed (Linux inotify), so an
/// edit reaches the browser without waiting for the next walk over every file. A thread of its
/// own blocks on the events and raises a flag that the watcher checks cheaply. Where inotify is
/// not available, `init` fails and the watcher polls.
final class ContentEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var changed = false

    /// True once if anything changed since the last call.
    func takeChange() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = changed
        changed = false
        return was
    }

    private func raise() {
        lock.lock()
        changed = true
        lock.unlock()
    }

    #if canImport(Glibc)
    /// Kept open for the life of the process: the reading thread blocks on it.
    private let descriptor: Int32
    private let root: String

    init?(root: URL) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.root = root.standardizedFileURL.path
        watchFolders()
        Thread.detachNewThread { [self] in readEvents() }
    }

    /// Watches the content folder and every folder below it (again after folders were added).
    func watchFolders() {
        watch(root)
    }

    private func watch(_ folder: String) {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        guard inotify_add_watch(descriptor, folder, mask) >= 0, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { watch(folder + "/" + name) }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            raise()
        }
    }
    #else
    init?(root: URL) { nil }
    func watchFolders() {}
    #endif
}
