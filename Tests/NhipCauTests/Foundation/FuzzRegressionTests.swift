import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// Inputs that once crashed or hung the tool (found by `make fuzz`, or by hand while writing it),
/// kept in `Fixtures/fuzz/*.input` and run through the ordinary build the way the fuzz target
/// runs them: as a story, a market, a policy, a free page, target data, the body of a page, and an
/// officer's template override.
/// Each build must come back (the test would hang otherwise), and every problem must be a
/// diagnostic naming the file that holds the input, with the previous site left as it was.
enum FuzzRegressions {
    static let folder = TestPaths.fixtures.appendingPathComponent("fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".input") }.sorted()
    }

    static let placements = ["stories/fuzz.md", "markets/fuzz.md", "policies/fuzz.md", "pages/fuzz.md", "targets/fuzz-2021.json", "pages/fuzz-body.md",
                             "theme/templates/story.mustache", "theme/templates/story-list.mustache"]
}

@Suite struct FuzzRegressionTests {
    @Test(arguments: FuzzRegressions.inputs)
    func aSavedFindingBuildsOrFailsCleanlyInEveryPlace(_ name: String) throws {
        let input = [UInt8](try Data(contentsOf: FuzzRegressions.folder.appendingPathComponent(name)))
        for placement in FuzzRegressions.placements {
            let site = try TestSite(TestSite.minimal)
            try #require(site.build().succeeded)
            let before = fileTree(site.output)
            let bytes = placement == "pages/fuzz-body.md" ? Array("---\ntitle: \"Fuzz\"\n---\n".utf8) + input : input
            try site.write(placement, bytes: bytes)
            let outcome = site.build()
            for error in outcome.errors {
                #expect(error.location.file == placement, "\(placement): \(error.formatted(in: .en))")
            }
            if !outcome.succeeded {
                #expect(!outcome.errors.isEmpty, "\(placement): failed without an error")
                #expect(fileTree(site.output) == before, "\(placement): the previous site changed")
            }
        }
    }
}
