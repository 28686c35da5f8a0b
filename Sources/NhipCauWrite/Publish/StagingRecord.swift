import NhipCauCore

/// What a build left in the folder it published, for the build that next takes that folder as its
/// staging folder (two builds later: the two folders take turns). Each folder's files, and the
/// folder's status (`FileStatus.key`) as seen when the build took it, when the build did not change
/// the folder and it was settled by then.
///
/// Adding, removing or renaming an entry gives its folder a new change time, which no program can
/// set back. So a folder whose status is still the recorded one holds the recorded entries, and is
/// not read again: the next build lists only the folders whose status moved (a link or a stray file
/// put there shows in its folder's status), instead of some 15,000 folders for 10,000 stories.
/// Status 0 means "read it": a folder this build changed, made, or saw changing.
public struct StagingRecord: Sendable, Equatable {
    public struct Folder: Sendable, Equatable {
        /// Relative to the site root; "" for the root, which is always read (every publish renames it).
        public let path: String
        public var key: UInt64
        /// The names of the files in it.
        public var files: [String]
    }

    /// How long before a build took a folder its last change must be for the status to vouch for
    /// it: file times are coarse, and a change within the same tick would keep the status.
    public static let settledSeconds = 3

    /// Sorted by path (a path comes before every longer path it begins), so that each folder comes
    /// after the folders holding it.
    public let folders: [Folder]

    public var encoded: [UInt8] {
        var writer = CacheBytesWriter()
        encode(into: &writer)
        return writer.bytes
    }

    public func encode(into writer: inout CacheBytesWriter) {
        writer.integer(UInt32(folders.count))
        for folder in folders {
            writer.text(folder.path)
            writer.integer(folder.key)
            writer.integer(UInt32(folder.files.count))
            for file in folder.files { writer.text(file) }
        }
    }

    public static func decode(from reader: inout CacheBytesReader) -> StagingRecord? {
        guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining else { return nil }
        var folders: [Folder] = []
        folders.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.text(), let key = reader.integer(UInt64.self),
                  let fileCount = reader.integer(UInt32.self), Int(fileCount) <= reader.remaining else { return nil }
            var files: [String] = []
            files.reserveCapacity(Int(fileCount))
            for _ in 0..<fileCount {
                guard let file = reader.text() else { return nil }
                files.append(file)
            }
            folders.append(Folder(path: path, key: key, files: files))
        }
        guard folders.first?.path == "", zip(folders, folders.dropFirst()).allSatisfy({ $0.path < $1.path }),
              folders.allSatisfy(isInside) else { return nil }
        return StagingRecord(folders: folders)
    }

    /// Only names below the root: a record changed by hand must not send the build reading (and
    /// removing links) elsewhere.
    private static func isInside(_ folder: Folder) -> Bool {
        (folder.path.isEmpty || isRelativePath(folder.path))
            && folder.files.allSatisfy { isRelativePath($0) && !$0.utf8.contains(UInt8(ascii: "/")) }
    }

    /// Names joined by "/", none of them empty, "." or "..".
    private static func isRelativePath(_ path: String) -> Bool {
        var length = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard length > 0, !(dots == length && length <= 2) else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: "."), dots == length - 1 { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && length <= 2)
    }

    /// The record of the tree a build leaves: the tree it found (`found`, its folders with their
    /// status then), with the files it wrote that were not there added and the others removed, as
    /// the pruning before the swap removes them. A folder whose entries this build changed is
    /// recorded with status 0; the others keep the status seen when the build took the folder.
    static func made(written: Set<String>, found: StagingTree.Listing, foundFiles: Set<String>) -> StagingRecord {
        var tree = found.tree
        if tree.first?.path != "" { tree.insert(Folder(path: "", key: 0, files: []), at: 0) }
        tree[0].key = 0 // every publish renames the root
        var changed = Set<String>()
        var removed: [String: Set<String>] = [:]
        for path in foundFiles where !written.contains(path) {
            let (folder, name) = split(path)
            removed[folder, default: []].insert(name)
        }
        for (folder, names) in removed {
            guard let index = index(of: folder, in: tree) else { continue }
            tree[index].files.removeAll(where: names.contains)
            changed.insert(folder)
        }
        var added: [String: [String]] = [:]
        for path in written where !foundFiles.contains(path) {
            let (folder, name) = split(path)
            added[folder, default: []].append(name)
        }
        for (folder, names) in added {
            let index = makeFolder(folder, in: &tree, changed: &changed)
            tree[index].files = (tree[index].files + names).sorted()
            changed.insert(folder)
        }
        dropEmptyFolders(&tree, changed: &changed)
        if !changed.isEmpty {
            for index in tree.indices where changed.contains(tree[index].path) { tree[index].key = 0 }
        }
        return StagingRecord(folders: tree)
    }

    /// The index of `path` in the sorted `tree`, nil when it is not there.
    private static func index(of path: String, in tree: [Folder]) -> Int? {
        let at = insertionPoint(of: path, in: tree)
        return at < tree.count && tree[at].path == path ? at : nil
    }

    private static func insertionPoint(of path: String, in tree: [Folder]) -> Int {
        var low = 0, high = tree.count
        while low < high {
            let middle = (low + high) / 2
            if tree[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of folder `path`, made (with any folder holding it) when it is not there.
    private static func makeFolder(_ path: String, in tree: inout [Folder], changed: inout Set<String>) -> Int {
        if let index = index(of: path, in: tree) { return index }
        let parent = split(path).folder
        _ = makeFolder(parent, in: &tree, changed: &changed)
        changed.insert(parent)
        let at = insertionPoint(of: path, in: tree)
        tree.insert(Folder(path: path, key: 0, files: []), at: at)
        return at
    }

    /// Removes the folders that hold no file, directly or below: the pruning removes them.
    private static func dropEmptyFolders(_ tree: inout [Folder], changed: inout Set<String>) {
        var dropped = [Bool](repeating: false, count: tree.count)
        // From the end: a folder's folders come after it, so they are decided first.
        for index in tree.indices.dropFirst().reversed() where tree[index].files.isEmpty {
            let below = tree[index].path + "/"
            var next = insertionPoint(of: below, in: tree)
            var holdsSome = false
            while next < tree.count && tree[next].path.hasPrefix(below) {
                if !dropped[next] { holdsSome = true; break }
                next += 1
            }
            if !holdsSome {
                dropped[index] = true
                changed.insert(split(tree[index].path).folder)
            }
        }
        guard dropped.contains(true) else { return }
        tree = zip(tree, dropped).filter { !$0.1 }.map(\.0)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }
}
