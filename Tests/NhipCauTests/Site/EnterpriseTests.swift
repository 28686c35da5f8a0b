import Foundation
import NhipCauCore
@testable import NhipCauLoad
import NhipCauSite
import Testing

/// `enterprises/` (.md files and .csv rows) and `warnings/`: the register with each enterprise's
/// status on the build date, a page each, the downloads, the warnings and their feed.
@Suite struct EnterpriseTests {
    static let suspendedMD = """
    ---
    name: "Công ty TNHH Hợp tác Lao động Mẫu B"
    short_name: "Lao động Mẫu B"
    licence: "102/LĐTBXH-GP"
    licence_issued: 2020-03-02
    markets: [nhat-ban]
    phone: [0988.111.222, "+84 259 3822 123"]
    email: lienhe@mau-b.example.vn
    suspensions:
      - from: 2021-06-01
        to: 2021-07-31
        decision: "Quyết định 45/QĐ-LĐTBXH"
    revoked:
      date: 2021-12-01
      decision: "Quyết định 90/QĐ-LĐTBXH"
    sample: true
    ---

    Giới thiệu doanh nghiệp B.
    """

    static let csv = "\u{FEFF}slug,name,short_name,licence,licence_issued,markets,phone,suspensions,revoked_date,revoked_decision,sample\r\n"
        + "mau-a,Công ty Cổ phần Cung ứng Nhân lực Mẫu A,Nhân lực Mẫu A,101/LĐTBXH-GP,2019-01-10,nhat-ban,0912 345 678,,,,true\r\n"
        + "mau-c,\"Công ty Mẫu C, chi nhánh \"\"Nam\"\"\",,103/LĐTBXH-GP,2021-09-01,nhat-ban,,2021-10-01..2021-10-31 QĐ 1; 2021-11-05..2021-11-06,,,true\r\n"

    static func site() throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: \"https://xkld.example.gov.vn/\"\n"
        files["enterprises/mau-b.md"] = suspendedMD
        files["enterprises/danh-sach.csv"] = csv
        files["enterprises/mau-a.md"] = "---\nwebsite: www.mau-a.example.vn\n---\n\nPhần giới thiệu từ tệp .md.\n"
        files["warnings/so-la.md"] = "---\ntitle: \"Cảnh báo số điện thoại lạ\"\ndate: 2021-05-20\nsource: \"Sở Nội vụ, Công văn 1/SNV (số mẫu)\"\nnames: [\"0912.345.678\", Ông X]\nmarkets: [nhat-ban]\nsample: true\n---\n\nKhông nộp tiền.\n"
        files["warnings/sau-nay.md"] = "---\ntitle: \"Cảnh báo hẹn ngày\"\ndate: 2022-01-01\nsource: \"Sở Nội vụ\"\n---\n\nSau.\n"
        return try TestSite(files)
    }

    @Test func statusOnADayFollowsIssueSuspensionsAndRevocation() throws {
        let issued = SimpleDate(iso: "2020-03-02")!
        let suspension = Suspension(from: SimpleDate(iso: "2021-06-01")!, to: SimpleDate(iso: "2021-07-31")!, decision: "QĐ 45")
        let revocation = Revocation(date: SimpleDate(iso: "2021-12-01")!, decision: "QĐ 90")
        let document = ContentDocument(kind: .enterprise, slug: "b", file: "enterprises/b.md", body: .text(""), bodyLine: 1,
                                       frontMatterSource: "", updated: nil, updatedLocation: nil)
        let enterprise = Enterprise(document: document, name: "B", shortName: nil, licence: "102/LĐTBXH-GP", licenceIssued: issued,
                                    markets: [], address: nil, phones: [], email: nil, website: nil, taxCode: nil,
                                    suspensions: [suspension], revoked: revocation, sample: false,
                                    licenceLocation: SourceLocation(file: "enterprises/b.md"))
        let expected: [(String, EnterpriseStatus)] = [
            ("2020-03-01", .unlicensed(from: issued)), ("2020-03-02", .active), ("2021-05-31", .active),
            ("2021-06-01", .suspended(suspension)), ("2021-07-31", .suspended(suspension)), ("2021-08-01", .active),
            ("2021-11-30", .active), ("2021-12-01", .revoked(revocation)), ("2030-01-01", .revoked(revocation)),
        ]
        for (day, status) in expected {
            #expect(enterprise.status(on: SimpleDate(iso: day)!) == status, "\(day)")
            #expect(enterprise.isLicensed(on: SimpleDate(iso: day)!) == (status == .active), "\(day)")
        }
        #expect(Enterprise.licenceKey("123/LĐTBXH-GP") == Enterprise.licenceKey(" 123 / ldtbxh-gp"))
    }

    @Test func theRegisterShowsEachStatusInWordsOnDaysBeforeDuringAndAfterASuspension() throws {
        let site = try Self.site()
        let days = [("2021-05-31", "Đang hoạt động"), ("2021-06-15", "Tạm đình chỉ đến 31/07/2021"),
                    ("2021-08-01", "Đang hoạt động"), ("2021-12-01", "Đã thu hồi giấy phép")]
        for (day, statusOfB) in days {
            let outcome = site.build(date: SimpleDate(iso: day)!)
            try #require(outcome.succeeded, "\(day): \(outcome.listing)")
            let register = try #require(site.read("doanh-nghiep/index.html"))
            let rowOfB = try #require(register.firstMatch(of: /<tr[^>]*><th scope="row"><a href="..\/doanh-nghiep\/mau-b\/">.*?<\/tr>/)?.output)
            #expect(rowOfB.contains(statusOfB), "\(day): \(rowOfB)")
            #expect(rowOfB.contains("row-flagged") == (statusOfB != "Đang hoạt động"), "\(day): marked when not active")
            let page = try #require(site.read("doanh-nghiep/mau-b/index.html"))
            #expect(page.contains(statusOfB), "\(day)")
            // C is licensed from 2021-09-01: before that, in the register, unlicensed.
            #expect(register.contains("Chưa có giấy phép") == (day < "2021-09-01"), "\(day)")
        }
        let page = try #require(site.read("doanh-nghiep/mau-b/index.html"))
        #expect(page.contains("Được cấp giấy phép số 102/LĐTBXH-GP ngày 02/03/2020."))
        #expect(page.contains("Bị tạm đình chỉ giấy phép từ 01/06/2021 đến 31/07/2021 theo Quyết định 45/QĐ-LĐTBXH."))
        #expect(page.contains("Giấy phép bị thu hồi từ 01/12/2021 theo Quyết định 90/QĐ-LĐTBXH"))
        #expect(page.contains("<a href=\"tel:+84988111222\">0988 111 222</a>"))
        #expect(page.contains("<a href=\"tel:+842593822123\">0259 3822 123</a>"))
        #expect(page.contains("<a href=\"mailto:lienhe@mau-b.example.vn\">"))
        #expect(page.contains("Doanh nghiệp mẫu"), "sample enterprises say so")
    }

    @Test func aCSVRowWithAMarkdownFileOfItsSlugGetsItsBody() throws {
        let site = try Self.site()
        let outcome = site.build(date: SimpleDate(iso: "2021-10-15")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        let a = try #require(site.read("doanh-nghiep/mau-a/index.html"))
        #expect(a.contains("Phần giới thiệu từ tệp .md."))
        #expect(a.contains("href=\"https://www.mau-a.example.vn\""))
        let c = try #require(site.read("doanh-nghiep/mau-c/index.html"))
        #expect(c.contains("Công ty Mẫu C, chi nhánh &quot;Nam&quot;") || c.contains("Công ty Mẫu C, chi nhánh \"Nam\""))
        #expect(c.contains("Tạm đình chỉ đến 31/10/2021"))
        #expect(c.contains("Bị tạm đình chỉ giấy phép từ 05/11/2021 đến 06/11/2021."), "a suspension without a decision")
    }

    @Test func theDownloadsReadWithRealCSVAndJSONParsers() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-15")!).succeeded)
        let data = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("doanh-nghiep/doanh-nghiep.json").path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["date"] as? String == "2021-06-15")
        let enterprises = try #require(json["enterprises"] as? [[String: Any]])
        #expect(enterprises.map { $0["slug"] as? String } == ["mau-a", "mau-c", "mau-b"], "by name, Vietnamese order")
        let b = try #require(enterprises.last)
        let status = try #require(b["status"] as? [String: Any])
        #expect(status["code"] as? String == "suspended")
        #expect(status["label"] as? String == "Tạm đình chỉ đến 31/07/2021")
        #expect(status["decision"] as? String == "Quyết định 45/QĐ-LĐTBXH")
        #expect(b["phones"] as? [String] == ["0988 111 222", "0259 3822 123"])

        let script = """
        import csv, io, sys
        rows = list(csv.DictReader(io.open(sys.argv[1], encoding="utf-8-sig", newline="")))
        print(len(rows)); [print(r["slug"], r["status_code"], r["status"], r["suspensions"], sep="|") for r in rows]
        """
        let python = try Spawned.run("/usr/bin/env", ["python3", "-c", script, site.output.appendingPathComponent("doanh-nghiep/doanh-nghiep.csv").path])
        #expect(python.status == 0, "\(python.stderr)")
        let lines = python.stdout.split(separator: "\n").map(String.init)
        #expect(lines == ["3", "mau-a|active|Đang hoạt động|", "mau-c|unlicensed|Chưa có giấy phép|2021-10-01..2021-10-31 QĐ 1;2021-11-05..2021-11-06",
                          "mau-b|suspended|Tạm đình chỉ đến 31/07/2021|2021-06-01..2021-07-31 Quyết định 45/QĐ-LĐTBXH"])
    }

    @Test func theOrganizationJSONLDIsValidJSONWithTheEnterprisesFacts() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-15")!).succeeded)
        let page = try #require(site.read("doanh-nghiep/mau-b/index.html"))
        let script = try #require(page.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.output.1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "Organization")
        #expect(json["name"] as? String == "Công ty TNHH Hợp tác Lao động Mẫu B")
        #expect(json["url"] as? String == "https://xkld.example.gov.vn/doanh-nghiep/mau-b/")
        #expect(json["telephone"] as? String == "+84988111222")
        #expect(json["identifier"] as? String == "102/LĐTBXH-GP")
    }

    @Test func warningsAreListedNewestFirstWithTheirSourceInAFeedAndOnTheirMarketAndHome() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-15")!).succeeded)
        let list = try #require(site.read("canh-bao/index.html"))
        #expect(list.contains("Nguồn: Sở Nội vụ, Công văn 1/SNV (số mẫu)"))
        #expect(!site.exists("canh-bao/sau-nay/index.html"), "dated after the build date: not published")
        let warning = try #require(site.read("canh-bao/so-la/index.html"))
        #expect(warning.contains("0912 345 678"), "a phone number is shown grouped")
        #expect(warning.contains("href=\"../../doanh-nghiep/mau-a/\""), "it names A's phone: A is linked, with its status")
        let a = try #require(site.read("doanh-nghiep/mau-a/index.html"))
        #expect(a.contains("href=\"../../canh-bao/so-la/\""))
        let feed = try #require(site.read("feeds/canh-bao.xml"))
        #expect(try AtomTitles.of(feed) == ["Cảnh báo – Cổng thử", "Cảnh báo số điện thoại lạ"])
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("canh-bao/so-la/"))
        #expect(market.contains("doanh-nghiep/mau-a/") && !market.contains("doanh-nghiep/mau-b/"), "only active enterprises")
        #expect(try #require(site.read("index.html")).contains("canh-bao/so-la/"), "the newest warning of 90 days")
        try #require(site.build(date: SimpleDate(iso: "2021-08-19")!).succeeded)
        #expect(try #require(site.read("index.html")).contains("canh-bao/so-la/") == false, "older than 90 days")
    }

    @Test func aWarningNamesAnEnterpriseByNameWithoutDiacriticsByShortNameOrByLicenceInAnySpacing() throws {
        let site = try Self.site()
        try site.write("warnings/ten.md", "---\ntitle: \"Cảnh báo theo tên\"\ndate: 2021-05-21\nsource: \"Sở Nội vụ\"\n"
                   + "names: [\"CONG TY TNHH HOP TAC LAO DONG MAU B\", \"lao động mẫu b\", \"101 / lđtbxh-gp\", \"Công ty Mẫu Z\"]\n---\n\nTên.\n")
        try #require(site.build(date: SimpleDate(iso: "2021-06-15")!).succeeded)
        let warning = try #require(site.read("canh-bao/ten/index.html"))
        let linked = warning.matches(of: /href="..\/..\/doanh-nghiep\/([a-z-]+)\/"/).map { String($0.output.1) }
        #expect(linked == ["mau-a", "mau-b"], "A by its licence number, B by its name and short name, once each, in register order")
        #expect(try #require(site.read("doanh-nghiep/mau-b/index.html")).contains("href=\"../../canh-bao/ten/\""))
        #expect(try #require(site.read("doanh-nghiep/mau-c/index.html")).contains("canh-bao/ten/") == false)
    }

    @Test func aPhoneThatIsNotVietnameseIsAWarningInBothLanguages() throws {
        var files = TestSite.minimal
        files["enterprises/mau-a.md"] = "---\nname: \"Công ty Mẫu A\"\nlicence: \"1/GP\"\nlicence_issued: 2020-01-01\nphone: [0912 345 678, 12345]\n---\n"
        let site = try TestSite(files)
        for (language, text) in [("vi", "content/enterprises/mau-a.md:5:8: warning: `12345` không phải một số điện thoại Việt Nam"),
                                 ("en", "content/enterprises/mau-a.md:5:8: warning: `12345` is not a Vietnamese telephone number")] {
            let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30", "--lang", language], in: site.root)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains(text), "\(run.stderr)")
        }
        #expect(site.read("doanh-nghiep/mau-a/index.html")?.contains("<li>12345</li>") == true, "shown as written, not as a link")
    }

    @Test func sixHundredEnterprisesMakeRegisterPagesUnder100KB() throws {
        var files = TestSite.minimal
        var csv = "slug,name,short_name,licence,licence_issued,markets,suspensions,revoked_date\n"
        for number in 1...600 {
            let suspension = number % 7 == 0 ? "2021-06-01..2021-12-31 Quyết định \(number)/QĐ-LĐTBXH" : ""
            let revoked = number % 11 == 0 ? "2021-01-01" : ""
            csv += "dn-\(number),Công ty Cổ phần Cung ứng Nhân lực Quốc tế Số \(number),Nhân lực \(number),\(number)/LĐTBXH-GP,2019-01-01,nhat-ban,\(suspension),\(revoked)\n"
        }
        files["enterprises/danh-sach.csv"] = csv
        let site = try TestSite(files)
        let outcome = site.build(date: SimpleDate(iso: "2021-06-30")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        var listed = 0
        for number in 1...6 {
            let path = number == 1 ? "doanh-nghiep/index.html" : "doanh-nghiep/trang/\(number)/index.html"
            let page = try #require(site.read(path), "\(path)")
            #expect(page.utf8.count <= 100_000, "\(path): \(page.utf8.count) bytes")
            listed += page.matches(of: /<th scope="row">/).count
        }
        #expect(listed == 600, "every enterprise listed once, none hidden")
        #expect(!site.exists("doanh-nghiep/trang/7/index.html"))
    }
}
