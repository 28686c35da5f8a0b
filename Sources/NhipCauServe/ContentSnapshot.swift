import Foundation

/// Modification time and size of every file under the content folder (hidden files left out, as
/// the build leaves them out). Two snapshots differ when a file was added, removed or saved.
struct ContentSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        let modified: Double
        let size: Int
    }

    let files: [String: Stamp]

    static func take(of root: URL) -> ContentSnapshot {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return ContentSnapshot(files: [:]) }
        var files: [String: Stamp] = [:]
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files[url.path] = Stamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0,
                                    size: values.fileSize ?? 0)
        }
        return ContentSnapshot(files: files)
    }
}
