import Foundation
import FoundationXML
import NhipCauCore
import Testing

/// A plan whose figures are easy to compute by hand. On the test date 2021-06-30, 181 of the
/// year's 365 days have passed:
/// - area A: 4 + 3 = 7 of 10 (70%); pace 0.9 × 10 × 181/365 ≈ 4.46 → on track
/// - area B: 5 of 30 (16.7%); pace ≈ 13.39 → behind
/// - plan: 12 of 40 (30%); pace ≈ 17.85 → behind
let handPlan = """
{
  "title": "Kế hoạch thử năm 2021",
  "issuer": "UBND tỉnh Thử",
  "document": "Kế hoạch số 1/KH-UBND (số liệu mẫu)",
  "unit": "lao động",
  "period": { "start": "2021-01-01", "end": "2021-12-31" },
  "target": 40,
  "areas": [
    { "id": "huyen-a", "name": "Huyện A", "target": 10,
      "progress": [ { "date": "2021-03-31", "count": 4, "markets": { "nhat-ban": 3 } },
                    { "date": "2021-06-30", "count": 3 } ] },
    { "id": "huyen-b", "name": "Huyện B", "target": 30,
      "progress": [ { "date": "2021-03-31", "count": 5, "markets": { "nhat-ban": 1 } } ] }
  ]
}
"""

func siteWithPlan(_ extra: [String: String] = [:]) throws -> TestSite {
    var files = TestSite.minimal
    files["targets/thu-2021.json"] = handPlan
    files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\narea: huyen-a\n---\n\nCâu chuyện.\n"
    for (path, text) in extra { files[path] = text }
    return try TestSite(files)
}

@Suite struct TargetPagesTests {
    @Test func planListShowsHandComputedFigures() throws {
        let site = try siteWithPlan()
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let list = try #require(site.read("chi-tieu/index.html"))
        #expect(list.contains("Kế hoạch thử năm 2021"))
        #expect(list.contains(">30%<"))
        #expect(list.contains("Chậm tiến độ"))
        #expect(list.contains(">12<"))
    }

    @Test func planPageHasItsChartsTablesAndDownloads() throws {
        let site = try siteWithPlan()
        #expect(site.build().succeeded)
        let page = try #require(site.read("chi-tieu/thu-2021/index.html"))
        #expect(page.contains("12 lao động"))
        #expect(page.contains("28 lao động")) // remaining
        #expect(page.contains("chart-timeline") && page.contains("chart-areas") && page.contains("chart-markets"))
        #expect(!page.contains("chart-groups"), "the plan has no groups, so no groups chart")
        #expect(page.contains("Huyện A đã đưa 7/10") || page.contains("Huyện A 7/10"))
        #expect(page.contains("70%") && page.contains("16,7%"))
        #expect(page.contains("href=\"../../chi-tieu/thu-2021.csv\"") && page.contains("href=\"../../chi-tieu/thu-2021.json\""))
        for svg in svgFragments(page) {
            #expect(throws: Never.self) { try XMLDocument(xmlString: svg) }
        }
        #expect(svgFragments(page).count == 3)
    }

    @Test func areaPageShowsTheAreaAcrossPlansAndItsStories() throws {
        let site = try siteWithPlan()
        #expect(site.build().succeeded)
        let page = try #require(site.read("dia-ban/huyen-a/index.html"))
        #expect(page.contains("<h1>Huyện A</h1>"))
        #expect(page.contains("70%"))
        #expect(page.contains("Đúng tiến độ"))
        #expect(page.contains("Chị Lan"), "the story whose area is huyen-a is listed")
        let other = try #require(site.read("dia-ban/huyen-b/index.html"))
        #expect(other.contains("Chậm tiến độ"))
        #expect(!other.contains("Chị Lan"))
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(story.contains("href=\"../../dia-ban/huyen-a/\">Huyện A</a>"))
    }

    @Test func downloadsHoldTheDataAsWritten() throws {
        let site = try siteWithPlan()
        #expect(site.build().succeeded)
        let csv = try #require(site.read("chi-tieu/thu-2021.csv"))
        // As of 2021-06-30: A 4 + 3 = 7 (3 to Japan), B 5 (1 to Japan), plan 12 (4 to Japan, 8 not given).
        #expect(csv == "\u{FEFF}" + [
            "row,plan,id,name,parent_id,target_min,target_max,date,count,achieved,status,market:nhat-ban,market_not_given",
            "plan,thu-2021,,Kế hoạch thử năm 2021,,40,40,2021-06-30,,12,Chậm tiến độ,4,8",
            "area,thu-2021,huyen-a,Huyện A,,10,10,2021-06-30,,7,Đúng tiến độ,3,4",
            "area,thu-2021,huyen-b,Huyện B,,30,30,2021-06-30,,5,Chậm tiến độ,1,4",
            "report,thu-2021,huyen-a,Huyện A,,,,2021-03-31,4,,,3,1",
            "report,thu-2021,huyen-a,Huyện A,,,,2021-06-30,3,,,0,3",
            "report,thu-2021,huyen-b,Huyện B,,,,2021-03-31,5,,,1,4",
        ].joined(separator: "\r\n") + "\r\n")
        #expect(site.read("chi-tieu/thu-2021.json") == handPlan)
    }

    @Test func homeAndMarketPagesShowProgress() throws {
        let site = try siteWithPlan()
        #expect(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Kế hoạch thử năm 2021: đã đưa 12 lao động, đạt 30% chỉ tiêu 40 lao động, chậm tiến độ."))
        #expect(home.contains("chart-areas"))
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("Kế hoạch thử năm 2021"))
        #expect(market.contains("<td class=\"num\">4</td>"), "3 from area A and 1 from area B went to Japan")
    }

    @Test func chartBlockInAStoryIsDrawnInPlace() throws {
        let site = try siteWithPlan([
            "pages/tien-do.md": "---\ntitle: \"Tiến độ\"\n---\n\nĐoạn đầu.\n\n```chart\nplan: thu-2021\nshow: timeline\narea: huyen-b # chú thích\n```\n",
        ])
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("tien-do/index.html"))
        #expect(page.contains("chart-timeline"))
        #expect(page.contains("Huyện B"))
        #expect(!page.contains("<code"), "the fenced block is replaced, not shown as code")
    }

    @Test(arguments: [
        // The block's first line is line 8 of the file.
        ("plan: khong-co\nshow: areas", 8, "There is no plan `khong-co`: there is no file targets/khong-co.json. Check the name; plans: thu-2021."),
        ("show: areas", 8, "The chart block has no `plan:` line"),
        ("show: timeline\nplan:", 9, "The chart block has no `plan:` line"),
        ("plan: thu-2021\nshow: groups\narea: huyen-a", 10, "`area: huyen-a` cannot be used with `show: groups`"),
        ("plan: thu-2021\nshow: pie", 9, "does not exist"),
        ("plan: thu-2021\nshow: areas\narea: huyen-z", 10, "has no area"),
        ("plan: thu-2021\nshow: groups", 8, "has no `groups`"),
        ("plan: thu-2021\ncolour: red", 9, "has no key"),
    ])
    func chartBlockErrorsNameTheLine(block: String, line: Int, fragment: String) throws {
        let site = try siteWithPlan(["pages/tien-do.md": "---\ntitle: \"Tiến độ\"\n---\n\nĐoạn.\n\n```chart\n\(block)\n```\n"])
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let found = outcome.find(.error, in: "pages/tien-do.md", containing: fragment)
        #expect(found.count == 1, "\(outcome.listing)")
        #expect(found.first?.location.line == line)
    }

    @Test func aStoryAreaMustExistInTheTargetData() throws {
        let site = try siteWithPlan([
            "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\narea: huyen-z\n---\n\nCâu chuyện.\n",
        ])
        let outcome = site.build()
        #expect(outcome.find(.error, in: "stories/chi-lan.md", containing: "no area `huyen-z`").first?.location.line == 4)
    }

    @Test func planErrorsStopTheBuildWithTheJSONPath() throws {
        let broken = handPlan.replacingOccurrences(of: "\"count\": 5", with: "\"count\": -5")
        let site = try siteWithPlan(["targets/thu-2021.json": broken])
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.errors.contains { $0.location.file == "targets/thu-2021.json" && $0.location.jsonPath == "areas[1].progress[0].count" },
                "\(outcome.listing)")
    }
}

/// The `<svg …>…</svg>` fragments of a page.
func svgFragments(_ html: String) -> [String] {
    var fragments: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        fragments.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return fragments
}
