import Foundation
import NhipCauCore

/// A problem with the output folder itself (not with the content).
public struct OutputError: Error, Sendable {
    public let message: LocalizedText

    init(vi: String, en: String) {
        message = LocalizedText(vi: vi, en: en)
    }
}

/// Write stage: pages go into a fresh staging folder beside the output; only a complete build is
/// swapped in, so a failed or interrupted build leaves the published site exactly as it was.
/// The tool deletes only folders that carry its marker file.
public final class OutputDirectory: Sendable {
    public let output: URL
    /// Where this build writes; becomes `output` on `publish()`.
    public let staging: URL
    private let previous: URL

    public static let markerName = ".nhipcau-site"

    /// Checks that `output` is a folder the tool may replace, and creates an empty staging folder.
    public init(output: URL, content: URL) throws(OutputError) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).nhipcau-new")
        previous = parent.appendingPathComponent(".\(name).nhipcau-old")
        try OutputGuard.check(output: self.output, content: content.standardizedFileURL)
        try? FileManager.default.removeItem(at: staging) // a staging folder left by an interrupted build
        try? FileManager.default.removeItem(at: previous)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("nhipcau\n".utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw OutputError(vi: "Không tạo được thư mục tạm \(staging.path): \(SystemReason.of(error).vi).",
                              en: "Cannot create the staging folder \(staging.path): \(SystemReason.of(error).en).")
        }
    }

    /// Writes one file of the site; `path` is relative to the site root.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        let target = staging.path + "/" + path
        if let problem = FileWriting.write(bytes, to: target) {
            throw OutputError(vi: "Không ghi được \(path): \(problem.vi).", en: "Cannot write \(path): \(problem.en).")
        }
    }

    public func write(_ text: String, to path: String) throws(OutputError) {
        try write(text.utf8, to: path)
    }

    public func copy(_ source: URL, to path: String) throws(OutputError) {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw OutputError(vi: "Không chép được \(path): \(SystemReason.of(error).vi).", en: "Cannot copy \(path): \(SystemReason.of(error).en).")
        }
    }

    /// Puts the finished build in place of the old site, then removes the old site.
    public func publish() throws(OutputError) {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: previous)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    try? manager.moveItem(at: previous, to: output) // put the old site back
                    throw error
                }
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: output)
            }
        } catch {
            discard()
            throw OutputError(vi: "Không thay được trang cũ bằng bản mới: \(SystemReason.of(error).vi). Trang cũ vẫn giữ nguyên.",
                              en: "Cannot swap the new site in: \(SystemReason.of(error).en). The previous site is unchanged.")
        }
    }

    /// Throws the staging folder away, leaving the published site untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    static func check(output: URL, content: URL) throws(OutputError) {
        let path = output.resolvingSymlinksInPath().path
        let contentPath = content.resolvingSymlinksInPath().path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        if path == "/" || homeDirectories().contains(path) || path == current {
            throw OutputError(vi: "Không thể ghi trang web vào \(path): thư mục này chứa nhiều thứ khác. Chọn một thư mục riêng, ví dụ `--output site`.",
                              en: "Refusing to write the site into \(path): it holds other things. Choose a folder of its own, e.g. `--output site`.")
        }
        if path == contentPath || path.hasPrefix(contentPath + "/") || contentPath.hasPrefix(path + "/") {
            throw OutputError(vi: "Thư mục kết quả \(path) trùng hoặc lồng với thư mục nội dung \(contentPath). Chọn thư mục khác, ví dụ `--output site`.",
                              en: "The output folder \(path) is, contains or lies inside the content folder \(contentPath). Choose another, e.g. `--output site`.")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        try checkReplaceable(output: output, path: path, isDirectory: isDirectory.boolValue)
    }

    /// The account's home and `$HOME` (what a shell's `~` means), which may differ, e.g. under sudo.
    private static func homeDirectories() -> Set<String> {
        var homes = [FileManager.default.homeDirectoryForCurrentUser]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            homes.append(URL(fileURLWithPath: home))
        }
        return Set(homes.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
    }

    private static func checkReplaceable(output: URL, path: String, isDirectory: Bool) throws(OutputError) {
        guard isDirectory else {
            throw OutputError(vi: "\(path) là một tệp, không phải thư mục. Chọn tên khác cho thư mục kết quả.",
                              en: "\(path) is a file, not a folder. Choose another name for the output.")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let hasMarker = FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputDirectory.markerName).path)
        if !entries.isEmpty && !hasMarker {
            throw OutputError(vi: "Thư mục \(path) đã có tệp nhưng không phải do nhipcau tạo ra; công cụ sẽ không xóa nó. Chọn thư mục khác hoặc tự dọn thư mục này.",
                              en: "The folder \(path) holds files that nhipcau did not create; it will not delete them. Choose another folder or empty this one yourself.")
        }
    }
}
