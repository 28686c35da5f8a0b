import Foundation
import Testing

/// The EmbedFiles plugin's generator on files that are hard to write as Swift: `"""#`, `\#(`,
/// a carriage return, a control character, bytes that are not UTF-8, an empty file. The generated
/// Swift is compiled with a small program that prints every file back, which must be unchanged.
@Suite struct EmbedFilesToolTests {
    static let tool = TestPaths.packageRoot.appendingPathComponent(".build/debug/EmbedFilesTool")

    @Test func everyFileComesBackByteForByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files: [String: [UInt8]] = [
            "a/raw.txt": Array("ends a literal: \"\"\"# and \"\"\"## and \\#(x) \\##(y)\n  indented\n".utf8),
            "a/b/crlf.css": Array("a {\r\n  color: red;\r\n}\r\n".utf8),
            "bell.txt": [0x61, 0x07, 0x62],
            "binary.png": [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x80],
            "empty.txt": [],
            "viet.mustache": Array("<h1>{{t.home}}</h1>\nĐường dẫn\t\"ổn\"\n\n".utf8),
        ]
        let input = folder.appendingPathComponent("Embedded")
        for (path, bytes) in files {
            let url = input.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let generated = folder.appendingPathComponent("EmbeddedFiles.swift")
        let run = try Spawned.run(Self.tool.path, [input.path, generated.path], seconds: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let main = folder.appendingPathComponent("main.swift")
        try Data("""
        for (path, bytes) in EmbeddedFiles.files.sorted(by: { $0.key < $1.key }) {
            print(path + " " + bytes.map { String($0) }.joined(separator: ","))
        }
        """.utf8).write(to: main)
        let program = folder.appendingPathComponent("printer")
        let compile = try Spawned.run("/usr/bin/env",
                                           ["swiftc", "-o", program.path, main.path, generated.path], seconds: 300)
        #expect(compile.status == 0, "\(compile.stderr)")
        let printed = try Spawned.run(program.path, [], seconds: 60)
        let expected = files.sorted { $0.key < $1.key }.map { "\($0.key) " + $0.value.map { String($0) }.joined(separator: ",") }
        #expect(printed.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
        let source = try String(contentsOf: generated, encoding: .utf8)
        #expect(source.contains("\"binary.png\": base64(") && source.contains("\"viet.mustache\": Array(file"), "text as literals, the rest as base64")
    }
}
