import Foundation

/// Read access to the content folder, injected so that stages never reach for the disk themselves.
/// Paths are relative to the content root and use `/`.
public protocol ContentReading: Sendable {
    /// Regular files below `folder`, recursively, sorted, as paths relative to the content root.
    /// Hidden files (starting with `.`) are left out. Empty when the folder does not exist.
    func files(in folder: String) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
    /// Size in bytes, without reading the file.
    func size(of path: String) -> Int?
    /// True when the path is a symbolic link resolving outside the content root.
    func escapesRoot(_ path: String) -> Bool
}

/// The content folder on disk.
public struct DiskContent: ContentReading {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func files(in folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard directoryExists(folder) else { return [] }
        var found: [String] = []
        try collect(base, relative: folder, into: &found)
        return found.sorted()
    }

    private func collect(_ directory: URL, relative: String, into found: inout [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                found.append(path) // a dangling link: reading it reports the problem
                continue
            }
            if isDirectory.boolValue {
                try collect(url, relative: path, into: &found)
            } else {
                found.append(path)
            }
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        return [UInt8](data)
    }

    public func fileExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    public func directoryExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    public func size(of path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
        return (attributes?[.size] as? NSNumber)?.intValue
    }

    public func escapesRoot(_ path: String) -> Bool {
        let resolved = root.appendingPathComponent(path).resolvingSymlinksInPath().path
        let rootPath = root.resolvingSymlinksInPath().path
        return !(resolved == rootPath || resolved.hasPrefix(rootPath + "/"))
    }
}
