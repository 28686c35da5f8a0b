#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        public let key: UInt64
        /// The names of the files in it.
        public let files: [String]
    }

    /// Sorted by path, so that each folder comes after the folders holding it.
    public let folders: [Folder]

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
        guard zip(folders, folders.dropFirst()).allSatisfy({ $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) else { return nil }
        return StagingRecord(folders: folders)
    }

    /// The record of the tree a build leaves: the files it wrote (`written`) and their folders,
    /// after it took the folder as `found` showed it. A folder keeps the status seen then only when
    /// the build neither added nor removed anything in it.
    static func made(written: Set<String>, found: StagingTree.Listing) -> StagingRecord {
        let foundFiles = Set(found.files)
        let foundFolders = Set(found.folders)
        var filesByFolder: [String: [String]] = ["": []]
        var changed = Set<String>([""])
        for path in written {
            let (folder, name) = split(path)
            filesByFolder[folder, default: []].append(name)
            if !foundFiles.contains(path) { changed.insert(folder) }
        }
        // Every folder holding a written file; one the build made changed its parent.
        for folder in Array(filesByFolder.keys) {
            var path = folder
            while !path.isEmpty {
                let parent = split(path).folder
                if !foundFolders.contains(path) { changed.insert(parent); changed.insert(path) }
                if filesByFolder[parent] != nil { break }
                filesByFolder[parent] = []
                path = parent
            }
        }
        // What the pruning removes changes the folder it was in.
        for file in found.files where !written.contains(file) { changed.insert(split(file).folder) }
        for folder in found.folders where filesByFolder[folder] == nil { changed.insert(split(folder).folder) }
        let folders = filesByFolder.map { path, files in
            Folder(path: path, key: changed.contains(path) ? 0 : found.observed[path] ?? 0, files: files.sorted())
        }
        return StagingRecord(folders: folders.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }
}
