import ArgumentParser
import Foundation
import NhipCauCore

/// `--content DIR` must name a folder that is there: a typo is a usage error (exit 2), said as such,
/// rather than a missing site.yml in a folder that does not exist.
enum ContentFolder {
    static func validate(_ path: String, language: Language) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return }
        if exists {
            throw Usage.error(language,
                vi: "--content \(path) là một tệp, không phải thư mục nội dung. Chỉ ra thư mục chứa site.yml.",
                en: "--content \(path) is a file, not a content folder: name the folder holding site.yml.")
        }
        throw Usage.error(language,
            vi: "Không có thư mục nội dung \(path.isEmpty ? "(trống)" : path). Kiểm tra lại tên, hoặc chạy lệnh ở thư mục chứa content/.",
            en: "The content folder \(path.isEmpty ? "(empty)" : path) does not exist: check the name, or run the command where content/ is.")
    }
}
