/// The good site every fuzz input is dropped into: small, but with what the sample content's
/// stories refer to (markets, a policy, a page, areas of a plan, an image), so that inputs grown
/// from `content/` reach the link, chart and reference checks instead of stopping at the first
/// missing name.
enum FuzzBase {
    static let files: [String: [UInt8]] = texts.mapValues { Array($0.utf8) }
    static let siteYML = Array(texts["site.yml", default: ""].utf8)
    static let markets: Set<String> = ["nhat-ban", "han-quoc", "dai-loan"]

    private static func market(_ title: String) -> String {
        "---\ntitle: \"\(title)\"\ncountry: \"\(title)\"\nincome_vnd: [25000000, 35000000]\n---\n\nThị trường.\n"
    }

    private static let texts: [String: String] = [
        "site.yml": "title: \"Cổng thử\"\nbase_url: https://xkld.example.gov.vn/\ncontact:\n  hotline: \"1900 1234\"\n",
        "markets/nhat-ban.md": market("Nhật Bản"),
        "markets/han-quoc.md": market("Hàn Quốc"),
        "markets/dai-loan.md": market("Đài Loan"),
        "policies/luat-69-2020.md": "---\ntitle: \"Luật 69\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\n---\n\nLuật.\n",
        "pages/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\nmenu: 1\n---\n\nGiới thiệu.\n",
        "media/stories/vuon-nho.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "targets/ninh-thuan-2021.json": """
        {
          "title": "Kế hoạch năm 2021", "issuer": "UBND tỉnh", "unit": "lao động",
          "period": { "start": "2021-01-01", "end": "2021-12-31" },
          "target": 150,
          "groups": [ { "id": "chinh-sach", "name": "Lao động thuộc diện chính sách", "target": { "min": 2, "max": 4 } } ],
          "areas": [
            { "id": "ninh-son", "name": "Huyện Ninh Sơn", "target": 25, "areas": [
                { "id": "lam-son", "name": "Xã Lâm Sơn", "target": 5 } ],
              "progress": [ { "date": "2021-03-31", "count": 4, "markets": { "nhat-ban": 3, "han-quoc": 1 }, "groups": { "chinh-sach": 1 } } ] },
            { "id": "bac-ai", "name": "Huyện Bác Ái", "target": { "growth": { "min": 0.1, "max": 0.15 }, "baseline": 20 },
              "progress": [ { "date": "2021-06-30", "count": 7, "markets": { "dai-loan": 2 } } ] }
          ],
          "progress": []
        }
        """,
    ]
}
