#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    static func checkLocation(output: URL, content: URL) throws(OutputError) {
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
    }

    /// The account's home and `$HOME` (what a shell's `~` means), which may differ, e.g. under sudo.
    private static func homeDirectories() -> Set<String> {
        var homes = [FileManager.default.homeDirectoryForCurrentUser]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            homes.append(URL(fileURLWithPath: home))
        }
        return Set(homes.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
    }

    static func checkReplaceable(output: URL) throws(OutputError) {
        let path = output.path
        guard OutputPath.exists(path) else { return }
        guard OutputPath.isFolder(path) else {
            throw OutputError(vi: "\(path) là một tệp, không phải thư mục. Chọn tên khác cho thư mục kết quả.",
                              en: "\(path) is a file, not a folder. Choose another name for the output.")
        }
        if !OutputPath.isEmptyFolder(path) && !OutputPath.hasMarker(output) {
            throw OutputError(vi: "Thư mục \(path) đã có tệp nhưng không phải do nhipcau tạo ra; công cụ sẽ không xóa nó. Chọn thư mục khác hoặc tự dọn thư mục này.",
                              en: "The folder \(path) holds files that nhipcau did not create; it will not delete them. Choose another folder or empty this one yourself.")
        }
    }

    /// For the tool's own hidden folders beside the output, when something else is in them.
    static func notMadeByTool(_ folder: URL) -> OutputError {
        OutputError(vi: "\(folder.path) có tệp không do nhipcau tạo ra (thiếu tệp dấu \(OutputDirectory.markerName)). Công cụ dùng tên này cho bản dựng tạm và sẽ không xóa những gì bạn để ở đó: chuyển các tệp đó đi chỗ khác rồi dựng lại.",
                    en: "\(folder.path) holds files nhipcau did not create (it lacks the marker \(OutputDirectory.markerName)). The tool uses this name for its staging copy and will not delete what you put there: move those files elsewhere, then build again.")
    }
}
