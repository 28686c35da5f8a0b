import ArgumentParser
import Foundation

/// `--content DIR` must name a folder that is there: a typo is a usage error (exit 2), said as such,
/// rather than a missing site.yml in a folder that does not exist.
enum ContentFolder {
    static func validate(_ path: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return }
        let shown = path.isEmpty ? "(trống)" : path
        throw ValidationError(exists
            ? "--content \(shown) là một tệp, không phải thư mục nội dung. Chỉ ra thư mục chứa site.yml. / --content \(shown) is a file, not a content folder: name the folder holding site.yml."
            : "Không có thư mục nội dung \(shown). Kiểm tra lại tên, hoặc chạy lệnh ở thư mục chứa content/. / The content folder \(shown) does not exist: check the name, or run the command where content/ is.")
    }
}
