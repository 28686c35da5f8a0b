import Testing
import NhipCauCore
import NhipCauLoad

/// Shared plans for the target tests, written inline so each test shows its data.
enum TargetFixtures {
    static let markets: Set<String> = ["nhat-ban", "han-quoc", "dai-loan"]
    static let marketNames = ["nhat-ban": "Nhật Bản", "han-quoc": "Hàn Quốc", "dai-loan": "Đài Loan"]

    /// Period 2021 (365 days), target 100 = huyện A 30 + huyện B 70.
    /// Reports: A 10 on 31/03 and 20 on 30/06; B 15 on 31/03; xã C (in B) 5 on 30/06.
    /// Plan achieved 50; A 30; B 20; group chinh-sach 2 of 2–4.
    static let sampleJSON = """
    {
      "title": "Đưa người lao động đi làm việc ở nước ngoài năm 2021",
      "issuer": "UBND tỉnh Mẫu",
      "document": "Kế hoạch số 1/KH-UBND",
      "unit": "lao động",
      "period": { "start": "2021-01-01", "end": "2021-12-31" },
      "target": 100,
      "groups": [ { "id": "chinh-sach", "name": "Lao động thuộc diện chính sách", "target": { "min": 2, "max": 4 } } ],
      "areas": [
        { "id": "huyen-a", "name": "Huyện A", "target": 30,
          "progress": [
            { "date": "2021-03-31", "count": 10, "markets": { "nhat-ban": 6, "han-quoc": 3 }, "groups": { "chinh-sach": 2 } },
            { "date": "2021-06-30", "count": 20, "markets": { "nhat-ban": 10, "dai-loan": 10 } }
          ] },
        { "id": "huyen-b", "name": "Huyện B", "target": 70,
          "areas": [
            { "id": "xa-c", "name": "Xã C", "progress": [ { "date": "2021-06-30", "count": 5 } ] },
            { "id": "xa-d", "name": "Xã D", "target": 20 }
          ],
          "progress": [ { "date": "2021-03-31", "count": 15, "markets": { "han-quoc": 15 } } ] }
      ]
    }
    """

    static func load(_ json: String, id: String = "mau-2021", markets: Set<String> = markets) -> (plan: TargetPlan?, diagnostics: [Diagnostic]) {
        TargetPlanLoader.load(id: id, file: "targets/\(id).json", data: Array(json.utf8), knownMarkets: markets)
    }

    static func samplePlan() throws -> TargetPlan {
        let result = load(sampleJSON)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(in: .en) })")
        return try #require(result.plan)
    }

    static func date(_ iso: String) throws -> SimpleDate {
        try #require(SimpleDate(iso: iso))
    }
}
