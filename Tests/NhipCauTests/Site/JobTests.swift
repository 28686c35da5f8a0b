import Foundation
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import Testing

/// `jobs/`: a job order's status on the build date (open, closed, paused while its enterprise is
/// suspended), where it is listed, its page (costs, service fee cap, what a worker never pays,
/// JobPosting structured data only while open), the downloads read by real parsers, and the feed.
@Suite struct JobTests {
    static let capMarket = """
        ---
        title: "Nhật Bản"
        country: "Nhật Bản"
        country_code: JP
        service_fee_cap_months: 1
        service_fee_cap_max_months: 3
        service_fee_basis: "Luật 69/2020/QH14, Điều 23 khoản 4"
        ---

        Thị trường.

        """

    static func job(_ title: String, date: String, enterprise: String, applyBy: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\nenterprise: \(enterprise)\nmarket: nhat-ban\noccupation: \"Chế biến thực phẩm\"\n"
            + "positions: 20\napply_by: \(applyBy)\n\(extra)sample: true\n---\n\nLàm việc tại nhà máy, ở ký túc xá.\n"
    }

    static func site() throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: \"https://xkld.example.gov.vn/\"\n"
        files["markets/nhat-ban.md"] = capMarket
        files["enterprises/mau-a.md"] = "---\nname: \"Công ty Cổ phần Cung ứng Nhân lực Mẫu A\"\nshort_name: \"Mẫu A\"\nlicence: \"101/LĐTBXH-GP\"\nlicence_issued: 2019-03-01\nmarkets: [nhat-ban]\n---\n"
        files["enterprises/mau-b.md"] = "---\nname: \"Công ty TNHH Mẫu B\"\nlicence: \"102/LĐTBXH-GP\"\nlicence_issued: 2019-03-01\nmarkets: [nhat-ban]\nsuspensions:\n  - from: 2021-06-01\n    to: 2021-08-31\n    decision: \"Quyết định 45/QĐ-LĐTBXH\"\n---\n"
        files["jobs/che-bien.md"] = job("Tuyển 20 thực tập sinh chế biến", date: "2021-05-01", enterprise: "mau-a", applyBy: "2021-07-15", extra: """
            salary_vnd: [30000000, 35000000]
            contract_months: 36
            costs:
              - item: "Tiền dịch vụ"
                vnd: 30000000
                kind: service_fee
              - item: "Học tiếng Nhật"
                vnd: 12000000
                note: "6 tháng"
            summary: "Nhà máy chế biến thực phẩm."

            """)
        files["jobs/co-khi.md"] = job("Tuyển thợ cơ khí", date: "2021-05-10", enterprise: "mau-b", applyBy: "2021-09-30")
        files["jobs/xay-dung.md"] = job("Tuyển thợ xây dựng", date: "2021-03-01", enterprise: "mau-a", applyBy: "2021-04-30")
        files["jobs/dieu-duong.md"] = job("Tuyển điều dưỡng", date: "2021-07-10", enterprise: "mau-a", applyBy: "2021-10-31")
        return try TestSite(files)
    }

    @Test func aJobIsOpenClosedOrPausedOnTheBuildDate() throws {
        let site = try Self.site()
        let days: [(String, [String: String])] = [
            ("2021-05-20", ["che-bien": "Đang nhận hồ sơ", "co-khi": "Đang nhận hồ sơ", "xay-dung": "Hết hạn nhận hồ sơ"]),
            ("2021-06-30", ["che-bien": "Đang nhận hồ sơ", "co-khi": "Tạm dừng", "xay-dung": "Hết hạn nhận hồ sơ"]),
            ("2021-09-01", ["che-bien": "Hết hạn nhận hồ sơ", "co-khi": "Đang nhận hồ sơ", "dieu-duong": "Đang nhận hồ sơ"]),
        ]
        for (day, statuses) in days {
            let outcome = site.build(date: SimpleDate(iso: day)!)
            try #require(outcome.succeeded, "\(day): \(outcome.listing)")
            for (slug, status) in statuses {
                let page = try #require(site.read("don-hang/\(slug)/index.html"), "\(day) \(slug)")
                #expect(page.contains("class=\"badge badge-job-") && page.contains(">\(status)</span>"), "\(day) \(slug): \(status)")
            }
            let paused = site.read("don-hang/co-khi/index.html") ?? ""
            #expect(paused.contains("đến 31/08/2021 theo Quyết định 45/QĐ-LĐTBXH") == (day == "2021-06-30"),
                    "\(day): a paused order says why, in words, at the top")
        }
    }

    @Test func aJobDatedAfterTheBuildDateAppearsNowhere() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        #expect(!site.exists("don-hang/dieu-duong/index.html"))
        for file in ["don-hang/index.html", "don-hang/don-hang.csv", "don-hang/don-hang.json", "feeds/don-hang.xml", "sitemap.xml", "index.html"] {
            let text = try #require(site.read(file), "\(file)")
            #expect(!text.contains("dieu-duong") && !text.contains("Tuyển điều dưỡng"), "\(file)")
        }
    }

    @Test func theListShowsOpenThenPausedThenLinksToClosedOnes() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        let list = try #require(site.read("don-hang/index.html"))
        let open = try #require(list.range(of: "che-bien/")), paused = try #require(list.range(of: "co-khi/"))
        #expect(open.lowerBound < paused.lowerBound)
        #expect(list.contains("Đơn hàng tạm dừng"))
        #expect(!list.contains("xay-dung/"), "closed orders are on their own list")
        #expect(list.contains("href=\"../don-hang/da-het-han/\">Đơn hàng đã hết hạn nhận hồ sơ (1)</a>"))
        let closed = try #require(site.read("don-hang/da-het-han/index.html"))
        #expect(closed.contains("href=\"../../don-hang/xay-dung/\">Tuyển thợ xây dựng</a>"))
        let home = try #require(site.read("index.html"))
        #expect(home.contains("href=\"don-hang/\">1 đơn hàng đang nhận hồ sơ</a>"))
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("Đơn hàng đang nhận hồ sơ ở thị trường này") && market.contains("../../don-hang/che-bien/"))
        #expect(!market.contains("../../don-hang/co-khi/"), "a paused order is not listed as open")
        let titles = try AtomTitles.of(try #require(site.read("feeds/don-hang.xml")))
        #expect(titles == ["Đơn hàng – Cổng thử", "Tuyển thợ cơ khí", "Tuyển 20 thực tập sinh chế biến", "Tuyển thợ xây dựng"])
    }

    @Test func aJobPageShowsCostsTheCapAndWhatAWorkerNeverPays() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        let page = try #require(site.read("don-hang/che-bien/index.html"))
        #expect(page.contains("href=\"../../doanh-nghiep/mau-a/\">Công ty Cổ phần Cung ứng Nhân lực Mẫu A</a>"))
        #expect(page.contains("101/LĐTBXH-GP"))
        #expect(page.contains("<td class=\"num\">42.000.000 đồng</td>") || page.contains("42.000.000"), "the total of the costs")
        #expect(page.contains("không được quá 90.000.000"), "3 months × the lowest salary of 30.000.000")
        #expect(page.contains("Luật 69/2020/QH14, Điều 23 khoản 4"))
        #expect(page.contains("Những khoản người lao động không phải trả") && page.contains("Tiền môi giới"))
        #expect(page.contains("Đơn hàng mẫu"))
    }

    /// Google's and schema.org's JobPosting: required title, description, datePosted,
    /// hiringOrganization, jobLocation; recommended validThrough, baseSalary, employmentType.
    @Test func onlyAnOpenJobCarriesJobPostingStructuredData() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        for slug in ["co-khi", "xay-dung"] {
            #expect(site.read("don-hang/\(slug)/index.html")?.contains("application/ld+json") == false, "\(slug) is not open")
        }
        let page = try #require(site.read("don-hang/che-bien/index.html"))
        let posting = try JobPostingCheck.parse(page)
        #expect(JobPostingCheck.problems(posting) == [])
        #expect(posting["title"] as? String == "Tuyển 20 thực tập sinh chế biến")
        #expect(posting["datePosted"] as? String == "2021-05-01")
        #expect((posting["validThrough"] as? String)?.hasPrefix("2021-07-15T") == true)
        #expect(posting["totalJobOpenings"] as? Int == 20)
        let salary = try #require(posting["baseSalary"] as? [String: Any])
        let value = try #require(salary["value"] as? [String: Any])
        #expect(salary["currency"] as? String == "VND" && value["minValue"] as? Int == 30_000_000
                && value["maxValue"] as? Int == 35_000_000 && value["unitText"] as? String == "MONTH")
        let location = try #require(posting["jobLocation"] as? [String: Any])
        #expect((location["address"] as? [String: Any])?["addressCountry"] as? String == "JP")
        #expect((posting["hiringOrganization"] as? [String: Any])?["url"] as? String == "https://xkld.example.gov.vn/doanh-nghiep/mau-a/")
    }

    /// The downloads read by Python's csv and json modules, as a spreadsheet or a script would.
    @Test func theDownloadsAreRealCSVAndJSON() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            with open(sys.argv[2], encoding="utf-8") as f:
                data = json.load(f)
            print(json.dumps({"csv": [[r["slug"], r["status"], r["enterprise_status"], r["service_fee_vnd"], r["service_fee_cap_vnd"], r["total_cost_vnd"]] for r in rows],
                              "json": [[j["slug"], j["status"], len(j["costs"])] for j in data["jobs"]], "as_of": data["as_of"]}, ensure_ascii=False))
            """
        let run = try Spawned.run("/usr/bin/env",
                                       ["python3", "-c", script, site.output.appendingPathComponent("don-hang/don-hang.csv").path,
                                        site.output.appendingPathComponent("don-hang/don-hang.json").path], seconds: 60)
        try #require(run.status == 0, "\(run.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(parsed["csv"] as? [[String]])
        #expect(rows == [["che-bien", "Đang nhận hồ sơ", "Đang hoạt động", "30000000", "90000000", "42000000"],
                         ["co-khi", "Tạm dừng", "Tạm đình chỉ đến 31/08/2021", "", "", ""],
                         ["xay-dung", "Hết hạn nhận hồ sơ", "Đang hoạt động", "", "", ""]])
        let records = try #require(parsed["json"] as? [[Any]])
        #expect(records.map { "\($0[0]):\($0[1]):\($0[2])" } == ["che-bien:open:2", "co-khi:paused:0", "xay-dung:closed:0"])
        #expect(parsed["as_of"] as? String == "2021-06-30")
    }

    @Test func aServiceFeeOverTheCapNamesTheCapAndHowItWasWorkedOut() throws {
        let site = try Self.site()
        try site.write("jobs/che-bien.md", Self.job("Tuyển 20 thực tập sinh chế biến", date: "2021-05-01", enterprise: "mau-a", applyBy: "2021-07-15", extra: """
            salary_vnd: [30000000, 35000000]
            contract_months: 48
            costs:
              - item: "Tiền dịch vụ"
                vnd: 90000001
                kind: service_fee

            """))
        let outcome = site.build(date: SimpleDate(iso: "2021-06-30")!)
        #expect(!outcome.succeeded)
        let message = outcome.diagnostics.first { $0.location.file == "jobs/che-bien.md" }?.message.text(in: .vi) ?? ""
        #expect(message.contains("90.000.001") && message.contains("mức trần 90.000.000 đồng"), "\(message)")
        #expect(message.contains("3 tháng lương × 30.000.000") && message.contains("không quá 3 tháng"), "48 months: the maximum of 3 months holds")
    }

    @Test func theCapIsProratedAndLimited() {
        let cap = ServiceFeeCap(monthsPer12: 1, maxMonths: 3, basis: nil)
        #expect(cap.vnd(monthlySalary: 30_000_000, contractMonths: 12) == 30_000_000)
        #expect(cap.vnd(monthlySalary: 30_000_000, contractMonths: 18) == 45_000_000)
        #expect(cap.vnd(monthlySalary: 30_000_000, contractMonths: 60) == 90_000_000)
        #expect(ServiceFeeCap(monthsPer12: 1.5, maxMonths: nil, basis: nil).vnd(monthlySalary: 20_000_001, contractMonths: 12) == 30_000_001)
    }
}

/// The JobPosting JSON-LD of a page, parsed by JSONSerialization, checked against what schema.org
/// and Google's job search require and recommend.
enum JobPostingCheck {
    struct Missing: Error {}

    static func parse(_ page: String) throws -> [String: Any] {
        guard let start = page.range(of: "<script type=\"application/ld+json\">"),
              let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) else { throw Missing() }
        let json = String(page[start.upperBound..<end.lowerBound])
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { throw Missing() }
        return object
    }

    static let employmentTypes: Set<String> = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]

    static func problems(_ posting: [String: Any]) -> [String] {
        var problems: [String] = []
        if posting["@context"] as? String != "https://schema.org" { problems.append("@context") }
        if posting["@type"] as? String != "JobPosting" { problems.append("@type") }
        for key in ["title", "description", "datePosted", "validThrough"] where (posting[key] as? String ?? "").isEmpty {
            problems.append(key)
        }
        if let posted = posting["datePosted"] as? String, SimpleDate(iso: String(posted.prefix(10))) == nil { problems.append("datePosted not ISO 8601") }
        let organization = posting["hiringOrganization"] as? [String: Any]
        if organization?["@type"] as? String != "Organization" || (organization?["name"] as? String ?? "").isEmpty { problems.append("hiringOrganization") }
        let address = (posting["jobLocation"] as? [String: Any])?["address"] as? [String: Any]
        if address?["@type"] as? String != "PostalAddress" || (address?["addressCountry"] as? String ?? "").isEmpty { problems.append("jobLocation") }
        let types = posting["employmentType"] as? [String] ?? []
        if types.isEmpty || !Set(types).isSubset(of: employmentTypes) { problems.append("employmentType") }
        if let salary = posting["baseSalary"] as? [String: Any] {
            let value = salary["value"] as? [String: Any]
            if salary["@type"] as? String != "MonetaryAmount" || salary["currency"] as? String != "VND"
                || value?["@type"] as? String != "QuantitativeValue" || value?["unitText"] as? String != "MONTH" { problems.append("baseSalary") }
        }
        if let openings = posting["totalJobOpenings"], (openings as? Int ?? 0) < 1 { problems.append("totalJobOpenings") }
        return problems
    }
}

extension JobTests {
    /// A title that closes the script element cannot leave the JSON-LD: `<` is written `\u003c`.
    @Test func aJobTitleCannotCloseTheStructuredDataScript() throws {
        let site = try Self.site()
        try site.write("jobs/che-bien.md", Self.job("</script><script>alert(1)</script> & co", date: "2021-05-01", enterprise: "mau-a",
                                                    applyBy: "2021-07-15"))
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        let page = try #require(site.read("don-hang/che-bien/index.html"))
        #expect(!page.contains("<script>alert"))
        let posting = try JobPostingCheck.parse(page)
        #expect(posting["title"] as? String == "</script><script>alert(1)</script> & co")
    }
}
