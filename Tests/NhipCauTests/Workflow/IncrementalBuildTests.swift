import Foundation
@testable import NhipCauBuild
import NhipCauCore
import Testing

/// Incremental builds (`BuildCache`): after any sequence of edits, a build that keeps unchanged
/// pages from the previous site writes exactly the site a build from nothing writes.
@Suite(.serialized) struct IncrementalBuildTests {
    /// SplitMix64: the same edits for a seed on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The sample site (`content/`: stories, markets, policies, notices, pages, plans, pictures).
    final class EditedSite {
        let site: TestSite
        var date = SimpleDate(iso: "2026-11-25")!
        var added = 0

        init() throws {
            site = try TestSite()
            try FileManager.default.removeItem(at: site.content)
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("content"), to: site.content)
        }

        func text(_ path: String) throws -> String {
            try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
        }

        func files(in folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        }

        /// Replaces the first line starting with `key:` in the front matter, or adds one.
        func setFrontMatter(_ path: String, _ key: String, _ value: String?) throws {
            var lines = try text(path).components(separatedBy: "\n")
            let end = lines.dropFirst().firstIndex(of: "---") ?? 1
            if let line = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                if let value { lines[line] = "\(key): \(value)" } else { lines.remove(at: line) }
            } else if let value {
                lines.insert("\(key): \(value)", at: end)
            }
            try site.write(path, lines.joined(separator: "\n"))
        }

        /// Renames, in the register's CSV, an enterprise with no Markdown file and one with both.
        func renameInRegister(adding suffix: String) throws {
            let register = "enterprises/danh-sach.csv"
            try site.write(register, try text(register)
                .replacingOccurrences(of: "Nhân lực Quốc tế Mẫu E", with: "Nhân lực Quốc tế Mẫu E\(suffix)")
                .replacingOccurrences(of: "Việc làm Quốc tế Mẫu D", with: "Việc làm Quốc tế Mẫu D\(suffix)"))
        }

        /// One random edit; returns what it did, for the failure message.
        func edit(_ random: inout SeededGenerator) throws -> String {
            let stories = try files(in: "stories")
            let story = stories.randomElement(using: &random)!
            switch Int.random(in: 0..<14, using: &random) {
            case 0:
                // Every kind's body: downloads, calendars and feeds are kept on a body edit, so none may show a body.
                let folders = ["markets", "policies", "pages", "notices", "events", "jobs", "enterprises", "warnings"]
                let file = (stories + folders.flatMap { (try? files(in: $0)) ?? [] }).randomElement(using: &random)!
                try site.write(file, try text(file) + "\nMột đoạn **mới** số \(random.next() % 1000).\n")
                return "body \(file)"
            case 1:
                try setFrontMatter(story, "title", "\"Tiêu đề mới \(random.next() % 1000)\"")
                return "title \(story)"
            case 2:
                try setFrontMatter(story, "tags", "[thẻ \(random.next() % 3), nông nghiệp]")
                return "tags \(story)"
            case 3:
                added += 1
                let file = "stories/them-\(added).md"
                try site.write(file, "---\ntitle: \"Câu chuyện thêm \(added)\"\ndate: 2026-0\(1 + added % 9)-1\(added % 10)\nmarket: nhat-ban\ntags: [thêm]\n---\n\nNội dung thêm \(added).\n")
                return "add \(file)"
            case 4:
                guard let file = stories.filter({ $0.contains("/them-") }).randomElement(using: &random) else { return "nothing to delete" }
                try site.remove(file)
                return "delete \(file)"
            case 5:
                guard let file = stories.filter({ $0.contains("/them-") }).randomElement(using: &random) else { return "nothing to rename" }
                added += 1
                try FileManager.default.moveItem(at: site.content.appendingPathComponent(file),
                                                 to: site.content.appendingPathComponent("stories/doi-ten-\(added).md"))
                return "rename \(file)"
            case 6:
                let plan = try files(in: "targets").randomElement(using: &random)!
                let original = try text(plan)
                guard let range = original.range(of: #""count": \d+"#, options: .regularExpression) else { return "no count in \(plan)" }
                try site.write(plan, original.replacingCharacters(in: range, with: "\"count\": \(random.next() % 50)"))
                return "plan \(plan)"
            case 7:
                let draft = try text(story).contains("\ndraft: true")
                try setFrontMatter(story, "draft", draft ? nil : "true")
                return "draft \(story) \(!draft)"
            case 9:
                // Moves the story between markets' and areas' related blocks and the market pages.
                let market = try files(in: "markets").randomElement(using: &random)!
                let slug = market.dropFirst("markets/".count).dropLast(".md".count)
                try setFrontMatter(story, "market", String(slug))
                // `ninh-son` is a former unit: its stories are listed on the page of `xa-ninh-son` too.
                try setFrontMatter(story, "area", ["thuan-nam", "ninh-phuoc", "bac-ai", "ninh-son"].randomElement(using: &random)!)
                return "market \(slug) \(story)"
            case 10:
                // Reorders the story list, its pages and the related blocks.
                try setFrontMatter(story, "date", "20\(19 + random.next() % 8)-0\(1 + random.next() % 9)-1\(random.next() % 10)")
                return "date of \(story)"
            case 11:
                // Another kind's name: market names on story cards, enterprises on job orders, the menu.
                let folders = ["markets", "policies", "pages", "notices", "events", "jobs", "warnings"]
                let file = folders.flatMap { (try? files(in: $0)) ?? [] }.randomElement(using: &random)!
                try setFrontMatter(file, "title", "\"Tên mới \(random.next() % 1000)\"")
                return "title \(file)"
            case 12:
                let file = try files(in: "enterprises").randomElement(using: &random)!
                try setFrontMatter(file, "name", "Công ty TNHH Mẫu Đổi Tên \(random.next() % 1000)")
                return "name \(file)"
            case 13:
                try renameInRegister(adding: "\(random.next() % 10)")
                return "register"
            default:
                // 2021-06-30: the 2006 law still in force; 2027-02-01: a story dated 2027-01-15 published.
                date = [SimpleDate(iso: "2021-06-30")!, SimpleDate(iso: "2026-11-25")!, SimpleDate(iso: "2027-02-01")!]
                    .randomElement(using: &random)!
                return "date \(date.iso)"
            }
        }

        func build(incremental: Bool, into output: URL) -> BuildOutcome {
            var options = BuildOptions(content: site.content, output: output, today: date)
            options.incremental = incremental
            options.settledSeconds = 0 // builds a moment apart trust the folders the last build but one left
            return BuildOutcome(result: SiteBuild.run(options))
        }

        /// Builds incrementally into site/ and from nothing into a fresh folder; returns both trees.
        func bothBuilds() -> (incremental: BuildOutcome, clean: BuildOutcome, same: [String]) {
            let incremental = build(incremental: true, into: site.output)
            let fresh = site.root.appendingPathComponent("fresh")
            try? FileManager.default.removeItem(at: fresh)
            let clean = build(incremental: false, into: fresh)
            let built = fileTree(site.output), expected = fileTree(fresh)
            let differing = Set(built.keys).union(expected.keys).filter { built[$0] != expected[$0] }.sorted()
            return (incremental, clean, differing)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomEditsGiveTheSiteACleanBuildGives(seed: UInt64) throws {
        let edited = try EditedSite()
        var random = SeededGenerator(state: seed)
        let first = edited.bothBuilds()
        #expect(first.incremental.succeeded && first.clean.succeeded)
        var keptSomewhere = false
        var trustedARecord = false
        for step in 0..<10 {
            let did = try edited.edit(&random)
            let (incremental, clean, differing) = edited.bothBuilds()
            let folders = folderList(edited.site.output).count
            trustedARecord = trustedARecord || (incremental.report.map { $0.stagingFoldersRead < folders / 2 } ?? false)
            #expect(incremental.succeeded == clean.succeeded, "step \(step) (\(did)): \(incremental.diagnostics) / \(clean.diagnostics)")
            guard clean.succeeded else { continue }
            #expect(differing.isEmpty, "step \(step) (\(did)): files that differ from a clean build: \(differing.prefix(10))")
            keptSomewhere = keptSomewhere || (incremental.report?.pagesKept ?? 0) > 0
        }
        // A body edit last, so that every sequence ends with a build that keeps pages.
        let story = try edited.files(in: "stories").first!
        try edited.site.write(story, try edited.text(story) + "\nCâu cuối.\n")
        let last = edited.bothBuilds()
        #expect(last.incremental.succeeded == last.clean.succeeded)
        // A sequence may end on content with errors (a draft another page links to): nothing to compare then.
        guard last.clean.succeeded else { return }
        #expect(last.same.isEmpty, "last body edit: \(last.same.prefix(10))")
        keptSomewhere = keptSomewhere || (last.incremental.report?.pagesKept ?? 0) > 0
        #expect(keptSomewhere, "no build kept a page: the test proves nothing")
        #expect(trustedARecord, "every build read every staging folder: the record was never used")
    }

    @Test func aBodyEditRendersOnlyItsPage() throws {
        let edited = try EditedSite()
        let first = edited.bothBuilds()
        #expect(first.incremental.report?.pagesKept == 0)
        let story = try edited.files(in: "stories").first!
        try edited.site.write(story, try edited.text(story) + "\nThêm một câu.\n")
        let (incremental, _, differing) = edited.bothBuilds()
        let report = try #require(incremental.report)
        // The edited page, and pages that may link to a heading of another page (`…#id`), are rendered.
        #expect(report.pagesKept < report.pagesWritten && report.pagesKept > report.pagesWritten / 2)
        #expect(differing.isEmpty, "\(differing)")
        let (again, _, stillSame) = edited.bothBuilds()
        #expect(again.report?.pagesKept == report.pagesWritten)
        #expect(stillSame.isEmpty, "\(stillSame)")
    }

    /// A story's title is on its own page, the pages of the story list and tag pages that show it,
    /// its market's page, and the stories whose related block has it: not on job orders, policies
    /// or the register. Those are kept.
    @Test func aTitleEditRendersThePagesThatShowIt() throws {
        let edited = try EditedSite()
        _ = edited.bothBuilds()
        let story = try edited.files(in: "stories").first!
        try edited.setFrontMatter(story, "title", "\"Tiêu đề đã sửa\"")
        let (incremental, _, differing) = edited.bothBuilds()
        let report = try #require(incremental.report)
        #expect(differing.isEmpty, "\(differing)")
        let registerPages = try ["jobs", "enterprises", "warnings", "policies"].reduce(0) { $0 + (try edited.files(in: $1).count) }
        #expect(report.pagesKept >= registerPages, "kept \(report.pagesKept) of \(report.pagesWritten)")
        #expect(report.pagesKept < report.pagesWritten)
    }

    /// The index is carried over from the last build (`SearchIndex.Snapshot`): a word, a title start
    /// and a pair of words that only one page had, and that page no longer has, must leave it, as they
    /// are not in a clean build's index; and come back when the page has them again.
    @Test func wordsNoPageHasAnyMoreLeaveTheSearchIndex() throws {
        let edited = try EditedSite()
        _ = edited.bothBuilds()
        let story = try edited.files(in: "stories").first!
        let original = try edited.text(story)
        let index = "tim-kiem/chi-muc/"
        func indexText(_ tree: [String: [UInt8]]) -> String {
            tree.filter { $0.key.hasPrefix(index + "t/") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        }
        for step in ["unique words added", "unique words gone", "unique words back"] {
            if step == "unique words gone" {
                try edited.site.write(story, original)
            } else {
                try edited.site.write(story, original + "\nTừ riêng: xơzyquắc vòngwxyz.\n")
                try edited.setFrontMatter(story, "title", "\"Kwozimbạ bắt đầu tiêu đề\"")
            }
            let (incremental, clean, differing) = edited.bothBuilds()
            #expect(incremental.succeeded && clean.succeeded)
            #expect((incremental.report?.pagesKept ?? 0) > 0, "\(step): no page kept, so nothing was carried over")
            #expect(differing.isEmpty, "\(step): \(differing.prefix(10))")
            let words = indexText(fileTree(edited.site.output))
            for key in ["\"xozyquac\"", "\"kwozimba \"", "\"kwozimba bat\""] {
                #expect(words.contains(key) == (step != "unique words gone"), "\(step): \(key)")
            }
        }
    }

    /// Two edits a review found published stale pages: a renamed enterprise in the register's CSV
    /// (on its own page, job orders, market pages and the downloads), and a story's title shown on
    /// the page of the commune its former unit was merged into.
    @Test(arguments: ["register", "former unit"])
    func anEditShownOnOtherPagesGivesACleanBuildsSite(edit: String) throws {
        let edited = try EditedSite()
        _ = edited.bothBuilds()
        if edit == "register" {
            try edited.renameInRegister(adding: " Mới")
        } else {
            let story = try edited.files(in: "stories").first { try edited.text($0).contains("\narea: ninh-son\n") }
            try edited.setFrontMatter(try #require(story), "title", "\"Lớp tiếng Nhật, tiêu đề mới\"")
        }
        let (incremental, clean, differing) = edited.bothBuilds()
        #expect(incremental.succeeded && clean.succeeded)
        #expect(differing.isEmpty, "\(edit): \(differing.prefix(10))")
    }

    /// Cut short, or one byte changed (the checksum catches that).
    @Test(arguments: ["cut short", "one byte changed"])
    func aCorruptCacheMeansAFullBuild(damage: String) throws {
        let edited = try EditedSite()
        _ = edited.bothBuilds()
        let cacheFolder = edited.site.root.appendingPathComponent(".nhipcau-cache")
        let caches = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasPrefix("build-") }
        #expect(caches.count == 1)
        for name in caches {
            let url = cacheFolder.appendingPathComponent(name)
            var bytes = try [UInt8](Data(contentsOf: url))
            if damage == "cut short" {
                bytes = Array(bytes.prefix(bytes.count / 2))
            } else {
                bytes[bytes.count / 2] ^= 0x01
            }
            try Data(bytes).write(to: url)
        }
        let story = try edited.files(in: "stories").first!
        try edited.site.write(story, try edited.text(story) + "\nThêm một câu.\n")
        let (incremental, _, differing) = edited.bothBuilds()
        #expect(incremental.report?.pagesKept == 0)
        #expect(differing.isEmpty, "\(differing)")
    }

    /// `nhipcau build` killed with SIGKILL at some moment of an incremental build: the published
    /// site is the previous one, and the next build is exactly a clean build.
    @Test(arguments: [40, 120, 250])
    func killedMidBuildThenTheNextBuildIsRight(milliseconds: Int) throws {
        let edited = try EditedSite()
        _ = edited.bothBuilds()
        let before = fileTree(edited.site.output)
        let story = try edited.files(in: "stories").first!
        try edited.setFrontMatter(story, "title", "\"Tiêu đề sau khi dừng\"")
        let build = try Spawned(CLI.binary.path, ["build", "--quiet", "--content", edited.site.content.path,
                                                  "--output", edited.site.output.path, "--date", edited.date.iso])
        usleep(useconds_t(milliseconds * 1000))
        build.send(SIGKILL)
        let ending = build.wait()
        let afterKill = fileTree(edited.site.output)
        #expect(afterKill == before || ending.exited, "a killed build changed the published site")
        let (incremental, clean, differing) = edited.bothBuilds()
        #expect(incremental.succeeded && clean.succeeded)
        #expect(differing.isEmpty, "\(differing)")
    }
}
