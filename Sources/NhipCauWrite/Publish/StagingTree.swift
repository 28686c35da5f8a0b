#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// The staging folder a build writes into, which after a swap holds the previous site and is
/// reused by the next build: its files are overwritten in place, and what the new build did not
/// write is removed before the swap, so the result is the tree a build into an empty folder gives.
/// Reusing inodes matters: creating some 22,000 files and folders minutes after deleting as many
/// cost 7 s of kernel time on ext4, and the deleting another 3 s.
enum StagingTree {
    /// What the folder held before the build.
    struct Listing: Sendable {
        /// Its folders ("" the root first) and their files' names, sorted by path, each with its
        /// status as read or found as recorded (0 when it was not settled then).
        var tree: [StagingRecord.Folder] = []
        /// How many folders were read entry by entry.
        var foldersRead = 0

        /// Every file, as a path relative to the root.
        var files: [String] {
            tree.flatMap { folder in folder.files.map { child(folder.path, $0) } }
        }

        /// Every folder but the root, as a path relative to it.
        var folders: [String] {
            tree.compactMap { $0.path.isEmpty ? nil : $0.path }
        }

        mutating func sortTree() {
            if zip(tree, tree.dropFirst()).contains(where: { !($0.path < $1.path) }) { tree.sort { $0.path < $1.path } }
        }
    }

    /// Every entry below `root`. Links, pipes, sockets and devices are removed on the way, so no
    /// write can go through a link to somewhere else. With a `record` of the tree, a folder whose
    /// status is the recorded one is taken to hold the recorded files, and is not read.
    /// `settledBefore`: a folder last changed at or after this time is not vouched for next time
    /// (file times are coarse: a change within the same tick would keep the status).
    static func list(_ root: String, record: StagingRecord? = nil, settledBefore: timespec) -> Listing {
        var listing = Listing()
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return listing }
        guard let record else {
            walk(descriptor, relative: "", into: &listing, settledBefore: settledBefore)
            listing.sortTree()
            return listing
        }
        defer { close(descriptor) }
        let recorded = Set(record.folders.map(\.path))
        // Parents come first: a folder's path is looked up only once its parent is known to hold
        // no link (either unchanged since it was recorded, or read and its links removed).
        for folder in record.folders {
            if folder.path.isEmpty {
                walk(openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), relative: "", into: &listing,
                     settledBefore: settledBefore, skipping: recorded)
                continue
            }
            var status = stat()
            guard fstatat(descriptor, folder.path, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                continue // gone: its parent changed, was read, and holds what is there now
            }
            if folder.key != 0 && FileStatus(status).key == folder.key {
                listing.tree.append(folder)
            } else {
                walk(openat(descriptor, folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), relative: folder.path,
                     into: &listing, settledBefore: settledBefore, skipping: recorded)
            }
        }
        listing.sortTree() // folders the record did not have were walked after their parent
        return listing
    }

    /// Lists the open folder `descriptor` (`relative` from the root) and every folder below it
    /// except those of `recorded`, which a recorded tree looks at in their own turn; closes it.
    /// Each folder is opened relative to its parent, and never through a link: a path from the
    /// root would be looked up again for each of some 15,000 folders. One that cannot be opened
    /// is listed empty.
    private static func walk(_ descriptor: Int32, relative: String, into listing: inout Listing, settledBefore: timespec,
                             skipping recorded: Set<String> = []) {
        guard descriptor >= 0 else {
            listing.tree.append(StagingRecord.Folder(path: relative, key: 0, files: []))
            return
        }
        entries(of: descriptor, relative: relative, into: &listing, settledBefore: settledBefore) { listing, names in
            for name in names where recorded.isEmpty || !recorded.contains(child(relative, name)) {
                let folder = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if folder < 0 && (errno == ELOOP || errno == ENOTDIR) {
                    unlinkat(descriptor, name, 0) // became a link or a file since it was read
                }
                walk(folder, relative: child(relative, name), into: &listing, settledBefore: settledBefore)
            }
        }
    }

    private static func child(_ relative: String, _ name: String) -> String {
        relative.isEmpty ? name : relative + "/" + name
    }

    /// The open folder `descriptor` and its files go into `listing`, the names of its folders to
    /// `subfolders` (while it is still open), and anything else is removed. The folder's status is
    /// taken before its entries are read, so a change made while they are read shows next time.
    private static func entries(of descriptor: Int32, relative: String, into listing: inout Listing, settledBefore: timespec,
                                then subfolders: (inout Listing, [String]) -> Void) {
        var status = stat()
        let settled = fstat(descriptor, &status) == 0 ? FileStatus(status) : nil
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            listing.tree.append(StagingRecord.Folder(path: relative, key: 0, files: []))
            return
        }
        defer { closedir(stream) }
        listing.foldersRead += 1
        var removed = false
        var folders: [String] = []
        var files: [String] = []
        while let entry = readdir(stream) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            switch kind(entry, name, in: descriptor) {
            case .folder:
                folders.append(name)
            case .file:
                files.append(name)
            case .other:
                unlinkat(descriptor, name, 0)
                removed = true
            }
        }
        let key = settled.flatMap { !removed && $0.isOlder(than: settledBefore) ? $0.key : nil } ?? 0
        listing.tree.append(StagingRecord.Folder(path: relative, key: key, files: files.sorted()))
        subfolders(&listing, folders)
    }

    private enum Kind { case file, folder, other }

    private static func kind(_ entry: UnsafeMutablePointer<dirent>, _ name: String, in folder: Int32) -> Kind {
        switch Int(entry.pointee.d_type) {
        case Int(DT_DIR): return .folder
        case Int(DT_REG): return .file
        case Int(DT_UNKNOWN):
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { name in
            name.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
        }
    }

    /// Removes what was found (`files`, `folders`) that is neither a written file nor a folder holding one.
    /// Returns a description of the first problem, or nil.
    static func prune(_ root: String, files: Set<String>, folders: [String], written: Set<String>) -> (path: String, problem: LocalizedText)? {
        // Each written file's folders; a folder already there has its own folders there too.
        // Sized for twice as many folders as written files, at most: see `WrittenPaths`.
        var keep = Set<String>(minimumCapacity: written.count * 2)
        for path in written {
            var end = path.utf8.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                end = slash
                guard keep.insert(String(path[..<slash])).inserted else { break }
            }
        }
        for file in files where !written.contains(file) && !keep.contains(file) {
            let path = root + "/" + file
            // ENOTDIR: a folder above it became a file of this build, so it went with its folder.
            if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                return (file, SystemReason.of(error))
            }
        }
        // Deepest first, so that each folder is empty by the time it is removed.
        let stale = folders.filter { !keep.contains($0) && !written.contains($0) }
            .sorted { $0.utf8.count(where: { $0 == 0x2F }) > $1.utf8.count(where: { $0 == 0x2F }) }
        for folder in stale {
            let path = root + "/" + folder
            if rmdir(path) == 0 || errno == ENOENT || (errno == ENOTDIR && !OutputPath.exists(path)) { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                return (folder, SystemReason.of(error))
            }
        }
        return nil
    }

    /// Removes a folder the tool made (its marker was checked), links inside it not followed.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension StagingTree {
    /// Takes the staging folder for this build: created when missing, reused (and listed) when it
    /// carries the marker or is empty, refused when it holds anything else.
    static func take(_ staging: URL, record: StagingRecord?, settledBefore: timespec) throws(OutputError) -> Listing {
        let path = staging.path
        if !OutputPath.exists(path) {
            guard mkdir(path, 0o755) == 0 else {
                let problem = FileWriting.describe(errno)
                throw OutputError("output.cannotCreateStagingFolder", ["path": "\(path)", "problem": .message(problem)])
            }
            return Listing()
        }
        guard OutputPath.isFolder(path), OutputPath.hasMarker(staging) || OutputPath.isEmptyFolder(path) else {
            throw OutputGuard.notMadeByTool(staging)
        }
        return list(path, record: record, settledBefore: settledBefore)
    }
}
