import Foundation
import NhipCauCore
import NhipCauSite
import Testing

/// `areas.yml`: the administrative tree. With it, `/dia-ban/` lists its units (current first, then the
/// former ones and where each went), area pages carry contacts, the bank office and mergers, and every
/// area reference is checked against it; without it, the site is as before.
@Suite struct AreaTreeTests {
    static let plan = """
    {
      "title": "Kế hoạch năm 2021",
      "issuer": "UBND tỉnh Ninh Thuận",
      "unit": "lao động",
      "sample": true,
      "period": { "start": "2021-01-01", "end": "2021-12-31" },
      "target": 20,
      "areas": [
        { "id": "ninh-son", "name": "Huyện Ninh Sơn", "target": 12, "progress": [ { "date": "2021-03-25", "count": 4 } ] },
        { "id": "bac-ai", "name": "Huyện Bác Ái", "target": 8 }
      ]
    }
    """

    static let tree = """
    - id: khanh-hoa
      name: Tỉnh Khánh Hòa
      kind: tinh
      sample: true
      contacts:
        - role: Sở Nội vụ
          name: Trần Thị Mẫu
          phone: "0900.000.101"
          email: lao-dong@khanh-hoa.example
          hours: Thứ Hai đến Thứ Sáu
      bank:
        name: Ngân hàng Chính sách xã hội – Chi nhánh tỉnh Khánh Hòa
        phone: (0258) 3000 109
        address: Địa chỉ mẫu
      areas:
        - id: xa-ninh-son
          name: Xã Ninh Sơn
          kind: xa
          contacts:
            - role: Công chức phụ trách lao động
              phone: +84 900 000 201
    - id: ninh-thuan
      name: Tỉnh Ninh Thuận
      kind: tinh
      merged_into: khanh-hoa
      merged_on: 2025-07-01
      areas:
        - id: ninh-son
          name: Huyện Ninh Sơn
          kind: huyen
          merged_into: xa-ninh-son
          merged_on: 2025-07-01
        - id: bac-ai
          name: Huyện Bác Ái
          kind: huyen
    """

    static func site(tree: Bool) throws -> TestSite {
        var files = TestSite.minimal
        files["targets/ninh-thuan-2021.json"] = plan
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\narea: ninh-son\n---\n\nCâu chuyện.\n"
        if tree { files["areas.yml"] = Self.tree }
        return try TestSite(files)
    }

    static let buildDay = SimpleDate(iso: "2025-12-01")!

    /// Without areas.yml nothing changes: the area pages of the plans, no `/dia-ban/`, no navigation link.
    /// The page is compared with the one the tool wrote before the tree existed.
    @Test func withoutTheTreeTheAreaPageIsAsBefore() throws {
        let site = try Self.site(tree: false)
        let outcome = site.build(date: Self.buildDay)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(!site.exists("dia-ban/index.html"))
        let page = try #require(site.read("dia-ban/ninh-son/index.html"))
        let goldenFile = TestPaths.golden.appendingPathComponent("areas/ninh-son-without-tree.html")
        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" { try Data(page.utf8).write(to: goldenFile) }
        let golden = try String(contentsOf: goldenFile, encoding: .utf8)
        #expect(page == golden, "regenerate with NHIPCAU_UPDATE_GOLDEN=1 when the theme changed on purpose, and review the diff")
        #expect(site.read("index.html")?.contains("href=\"dia-ban/\"") == false)
    }

    @Test func theListPutsCurrentUnitsFirstThenFormerOnesWithWhereTheyWent() throws {
        let site = try Self.site(tree: true)
        let outcome = site.build(date: Self.buildDay)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.warnings.isEmpty, "\(outcome.listing)")
        let list = try #require(site.read("dia-ban/index.html"))
        let current = try #require(list.range(of: "Đơn vị hành chính hiện nay"))
        let former = try #require(list.range(of: "Đơn vị hành chính đã sáp nhập"))
        #expect(current.lowerBound < former.lowerBound)
        #expect(list[current.upperBound..<former.lowerBound].contains("<a href=\"../dia-ban/xa-ninh-son/\">Xã Ninh Sơn</a>"))
        let formerPart = list[former.upperBound...]
        #expect(formerPart.contains("<a href=\"../dia-ban/ninh-thuan/\">Tỉnh Ninh Thuận</a>: Từ 01/07/2025 sáp nhập vào <a href=\"../dia-ban/khanh-hoa/\">Tỉnh Khánh Hòa</a>."))
        #expect(formerPart.contains("<a href=\"../dia-ban/ninh-son/\">Huyện Ninh Sơn</a>: Từ 01/07/2025 sáp nhập vào <a href=\"../dia-ban/xa-ninh-son/\">Xã Ninh Sơn</a>."))
        #expect(formerPart.contains("<li><a href=\"../dia-ban/bac-ai/\">Huyện Bác Ái</a></li>"), "a unit without its own merger went with its parent")
        #expect(!list[current.upperBound..<former.lowerBound].contains("dia-ban/bac-ai/"))
        #expect(list.contains("Địa bàn mẫu"), "sample units say so")
        #expect(site.read("index.html")?.contains("href=\"dia-ban/\"") == true, "the list is in the navigation")
    }

    /// Phone numbers grouped the Vietnamese way whatever way they were written, with links a phone dials.
    @Test func contactsAreLinksAPhoneAndAMailProgramOpen() throws {
        let site = try Self.site(tree: true)
        try #require(site.build(date: Self.buildDay).succeeded)
        let page = try #require(site.read("dia-ban/khanh-hoa/index.html"))
        #expect(page.contains("<a href=\"tel:+84900000101\">0900 000 101</a>"))
        #expect(page.contains("<a href=\"mailto:lao-dong@khanh-hoa.example\">lao-dong@khanh-hoa.example</a>"))
        #expect(page.contains("Ngân hàng Chính sách xã hội – Chi nhánh tỉnh Khánh Hòa"))
        #expect(page.contains("<a href=\"tel:+842583000109\">0258 3000 109</a>"))
        #expect(page.contains("Thứ Hai đến Thứ Sáu"))
        let commune = try #require(site.read("dia-ban/xa-ninh-son/index.html"))
        #expect(commune.contains("<a href=\"tel:+84900000201\">0900 000 201</a>"))
    }

    /// A former unit's page says where it went before anything else; the unit it went to lists it
    /// with its plans and stories; the plan keeps the old name and links to the old unit's page.
    @Test func aFormerUnitSaysWhereItWentAndTheNewOneListsIt() throws {
        let site = try Self.site(tree: true)
        try #require(site.build(date: Self.buildDay).succeeded)
        let former = try #require(site.read("dia-ban/ninh-son/index.html"))
        let banner = try #require(former.range(of: "Đơn vị hành chính này không còn: từ 01/07/2025, Huyện Ninh Sơn sáp nhập vào <a href=\"../../dia-ban/xa-ninh-son/\">Xã Ninh Sơn</a>."))
        let plan = try #require(former.range(of: "Kế hoạch năm 2021"))
        #expect(banner.upperBound < plan.lowerBound, "where it went comes first")
        let withParent = try #require(site.read("dia-ban/bac-ai/index.html"))
        #expect(withParent.contains("từ 01/07/2025, Tỉnh Ninh Thuận sáp nhập vào <a href=\"../../dia-ban/khanh-hoa/\">Tỉnh Khánh Hòa</a>."))

        let merged = try #require(site.read("dia-ban/xa-ninh-son/index.html"))
        let section = try #require(merged.range(of: "Các đơn vị đã sáp nhập vào đây"))
        let after = merged[section.upperBound...]
        #expect(after.contains("<a href=\"../../dia-ban/ninh-son/\">Huyện Ninh Sơn</a>: từ 01/07/2025 sáp nhập vào đây."))
        #expect(after.contains("<a href=\"../../chi-tieu/ninh-thuan-2021/\">Kế hoạch năm 2021</a>"))
        #expect(after.contains("<a href=\"../../cau-chuyen/chi-lan/\">Chị Lan</a>"))
        #expect(merged.contains("Thuộc <a href=\"../../dia-ban/khanh-hoa/\">Tỉnh Khánh Hòa</a>"))

        let planPage = try #require(site.read("chi-tieu/ninh-thuan-2021/index.html"))
        #expect(planPage.contains("<a href=\"../../dia-ban/ninh-son/\">Huyện Ninh Sơn</a>"))
    }

    /// With the tree, an area's `name` may be left out of a plan: the tree's name is used.
    @Test func aPlanMayLeaveOutNamesTheTreeGives() throws {
        let site = try Self.site(tree: true)
        try site.write("targets/ninh-thuan-2021.json", Self.plan.replacingOccurrences(of: "\"name\": \"Huyện Bác Ái\", ", with: ""))
        let outcome = site.build(date: Self.buildDay)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(site.read("chi-tieu/ninh-thuan-2021/index.html")?.contains("Huyện Bác Ái") == true)

        let noTree = try Self.site(tree: false)
        try noTree.write("targets/ninh-thuan-2021.json", Self.plan.replacingOccurrences(of: "\"name\": \"Huyện Bác Ái\", ", with: ""))
        let failed = noTree.build(date: Self.buildDay)
        #expect(!failed.find(.error, in: "targets/ninh-thuan-2021.json", containing: "name").isEmpty, "\(failed.listing)")
    }

    /// Every reference to an area is judged against the tree: a story's, a notice's and a plan's.
    @Test func anAreaOutsideTheTreeIsAnErrorNamingTheFileAndKey() throws {
        let site = try Self.site(tree: true)
        try site.write("areas.yml", Self.tree.replacingOccurrences(of: "\n    - id: bac-ai\n      name: Huyện Bác Ái\n      kind: huyen", with: ""))
        try site.write("notices/tu-van.md", "---\ntitle: \"Tư vấn\"\ndate: 2021-06-01\nareas: [ninh-son, thuan-nam]\n---\n\nTư vấn.\n")
        let outcome = site.build(date: Self.buildDay)
        #expect(!outcome.succeeded)
        let planErrors = outcome.find(.error, in: "targets/ninh-thuan-2021.json", containing: "bac-ai")
        #expect(planErrors.count == 1 && planErrors.first?.location.jsonPath == "areas[1]", "\(outcome.listing)")
        #expect(outcome.find(.error, in: "notices/tu-van.md", containing: "areas.yml").count == 1, "\(outcome.listing)")
        #expect(outcome.errors.count == 2, "\(outcome.listing)")
    }

    /// A number no phone can dial is shown as written, without a link, and said once as a warning.
    @Test func aPhoneThatIsNotVietnameseIsAWarningAndNoLink() throws {
        let site = try Self.site(tree: true)
        try site.write("areas.yml", Self.tree.replacingOccurrences(of: "+84 900 000 201", with: "900 000 201"))
        let outcome = site.build(date: Self.buildDay)
        try #require(outcome.succeeded, "\(outcome.listing)")
        let warnings = outcome.find(.warning, in: "areas.yml", containing: "900 000 201")
        #expect(warnings.count == 1 && warnings.first?.location.line == 21 && warnings.first?.location.jsonPath == "[0].areas[0].contacts[0].phone",
                "\(outcome.listing)")
        let page = try #require(site.read("dia-ban/xa-ninh-son/index.html"))
        #expect(page.contains("900 000 201") && !page.contains("tel:900"))
    }

    @Test func theSampleSiteHasTheTreeAndTheMerger() throws {
        let (output, outcome) = try SampleSiteTests().buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try String(contentsOf: output.appendingPathComponent("dia-ban/ninh-son/index.html"), encoding: .utf8)
        #expect(page.contains("sáp nhập vào <a href=\"../../dia-ban/xa-ninh-son/\">Xã Ninh Sơn</a>"))
        #expect(page.contains("Địa bàn mẫu"))
        let list = try String(contentsOf: output.appendingPathComponent("dia-ban/index.html"), encoding: .utf8)
        #expect(list.contains("Ngân hàng Chính sách xã hội – Phòng giao dịch khu vực Ninh Sơn"))
    }
}
