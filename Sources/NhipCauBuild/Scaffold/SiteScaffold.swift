import Foundation
import NhipCauCore

/// `nhipcau init DIR`: a new site folder an officer can build at once.
///
/// Layout: `DIR/HUONG-DAN.md` (the guide, read first) beside `DIR/content/` (what the officer
/// edits). So `cd DIR && nhipcau build` works with the defaults (`--content content`,
/// `--output site`), and the built `DIR/site/` lands beside the content, never inside it.
public enum SiteScaffold {
    public enum Failure: Error, Sendable, Equatable {
        case notEmpty(path: String)
        case notAFolder(path: String)
        case cannotWrite(path: String, reason: LocalizedText)

        public func message(in language: Language) -> String {
            switch self {
            case .notEmpty(let path):
                LocalizedText("build.folderNotEmptyNothing", ["path": "\(path)"]).text(in: language)
            case .notAFolder(let path):
                LocalizedText("build.fileNotFolder", ["path": "\(path)"]).text(in: language)
            case .cannotWrite(let path, let reason):
                LocalizedText("build.cannotWrite", ["path": "\(path)", "reason": .message(reason)]).text(in: language)
            }
        }
    }

    /// Writes every file and returns their paths relative to `folder`, in order.
    public static func create(at folder: URL, today: SimpleDate) -> Result<[String], Failure> {
        if let refusal = refusal(for: folder) { return .failure(refusal) }
        let files = ScaffoldFiles.all(today: today)
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                return .failure(.cannotWrite(path: folder.relativePath + "/" + file.path, reason: SystemReason.of(error)))
            }
        }
        return .success(files.map(\.path))
    }

    /// Why `folder` cannot receive a new site; nil when it does not exist yet or is empty.
    static func refusal(for folder: URL) -> Failure? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .notAFolder(path: folder.relativePath) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        return entries.isEmpty ? nil : .notEmpty(path: folder.relativePath)
    }
}

/// One file of a new site: its path relative to the new folder and its text.
struct ScaffoldFile: Sendable {
    let path: String
    let text: String
}
