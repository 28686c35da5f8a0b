import Testing
import NhipCauCore
import NhipCauLoad

/// One small plan per validation rule. Lines are fixed: 2 title/issuer/unit, 3 period, 4 target,
/// 5 groups, 6 areas, 7 progress; columns are found from the text so the tests read plainly.
@Suite("Target plan loading and validation")
struct TargetPlanLoaderTests {
    private static let year2021 = #"{ "start": "2021-01-01", "end": "2021-12-31" }"#

    private func planJSON(target: String = "10", period: String = year2021, groups: String = "[]",
                          areas: String = "[]", progress: String = "[]", extra: String = "") -> String {
        """
        {
          "title": "T", "issuer": "I", "unit": "lao động",\(extra)
          "period": \(period),
          "target": \(target),
          "groups": \(groups),
          "areas": \(areas),
          "progress": \(progress)
        }
        """
    }

    /// 1-based column of the `occurrence`-th `marker` on `line` of `json`.
    private func column(of marker: String, line: Int, in json: String, occurrence: Int = 1) -> Int? {
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        guard line - 1 < lines.count else { return nil }
        var text = Substring(lines[line - 1])
        var skipped = 0
        for _ in 1..<occurrence {
            guard let range = text.range(of: marker) else { return nil }
            skipped += text.distance(from: text.startIndex, to: range.upperBound)
            text = text[range.upperBound...]
        }
        guard let range = text.range(of: marker) else { return nil }
        return skipped + text.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    /// Loads `json` and expects exactly one diagnostic of `severity` at the place given.
    @discardableResult
    private func expectOne(_ json: String, _ severity: Severity = .error, line: Int, marker: String, occurrence: Int = 1,
                           path: String?, en: String, vi: String, markets: Set<String> = TargetFixtures.markets,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let result = TargetFixtures.load(json, id: "x", markets: markets)
        let found = result.diagnostics.filter { $0.severity == severity }
        #expect(found.count == 1, "\(result.diagnostics.map { $0.formatted(in: .en) })", sourceLocation: sourceLocation)
        guard let diagnostic = found.first else { return nil }
        let expectedColumn = column(of: marker, line: line, in: json, occurrence: occurrence)
        #expect(diagnostic.location == NhipCauCore.SourceLocation(file: "targets/x.json", line: line, column: expectedColumn, jsonPath: path),
                sourceLocation: sourceLocation)
        #expect(diagnostic.message.en.contains(en), "\(diagnostic.message.en)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.vi.contains(vi), "\(diagnostic.message.vi)", sourceLocation: sourceLocation)
        if severity == .error { #expect(result.plan == nil, sourceLocation: sourceLocation) }
        return diagnostic
    }

    // MARK: A valid plan

    @Test func loadsTheSamplePlan() throws {
        let plan = try TargetFixtures.samplePlan()
        #expect(plan.id == "mau-2021")
        #expect(plan.sourceFile == "targets/mau-2021.json")
        #expect(plan.document == "Kế hoạch số 1/KH-UBND")
        #expect(plan.target == .exact(100))
        #expect(plan.period.dayCount == 365)
        #expect(plan.groups == [PlanGroup(id: "chinh-sach", name: "Lao động thuộc diện chính sách", target: .range(min: 2, max: 4))])
        #expect(plan.allAreas.map(\.id) == ["huyen-a", "huyen-b", "xa-c", "xa-d"])
        #expect(plan.area(id: "xa-c")?.target == nil)
        let first = try #require(plan.areas.first?.progress.first)
        #expect(first.markets == [MarketCount(slug: "nhat-ban", count: 6), MarketCount(slug: "han-quoc", count: 3)])
        #expect(first.groups == [GroupCount(id: "chinh-sach", count: 2)])
        #expect(plan.area(id: "xa-c")?.location.jsonPath == "areas[1].areas[0]")
    }

    @Test func resolvesGrowthTargetsRoundingUp() throws {
        let growth = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": { "min": 0.10, "max": 0.15 }, "baseline": 40 }"#)).plan)
        #expect((growth.target.min, growth.target.max) == (44, 46))
        #expect(growth.target.growth == GrowthBasis(minRate: 0.10, maxRate: 0.15, baseline: 40))
        let roundsUp = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": 0.1, "baseline": 7 }"#)).plan)
        #expect((roundsUp.target.min, roundsUp.target.max) == (8, 8)) // 7.7 → 8
        let exactHalf = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": { "min": 0.125, "max": 0.3 }, "baseline": 40 }"#)).plan)
        #expect((exactHalf.target.min, exactHalf.target.max) == (45, 52))
    }

    @Test func growthRatesAreFractionsAndOneHundredPercentIsTheMost() throws {
        let doubling = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": 1, "baseline": 40 }"#)).plan)
        #expect((doubling.target.min, doubling.target.max) == (80, 80))
        let falling = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": -0.1, "baseline": 40 }"#)).plan)
        #expect(falling.target.min == 36)
        // 37 × 1.1 = 40.7, rounded up to 41; 40 × 1.15 = 46 exactly.
        let rounded = try #require(TargetFixtures.load(planJSON(target: #"{ "growth": { "min": 0.1, "max": 0.15 }, "baseline": 37 }"#)).plan)
        #expect((rounded.target.min, rounded.target.max) == (41, 43)) // 42.55 → 43
    }

    @Test func growthWrittenAsAPercentIsAnError() {
        let json = planJSON(target: #"{ "growth": { "min": 0.1, "max": 15 }, "baseline": 40 }"#)
        expectOne(json, line: 4, marker: "15 }", path: "target.growth.max",
                  en: "The growth rate 15 means more than 100% growth. Write rates as fractions: 0.1 for 10%, 0.15 for 15%.",
                  vi: "Tỷ lệ tăng 15 nghĩa là tăng hơn 100%. Tỷ lệ viết dạng số thập phân: viết 0.1 cho 10%, 0.15 cho 15%.")
        expectOne(planJSON(target: #"{ "growth": 10.5, "baseline": 40 }"#), line: 4, marker: "10.5", path: "target.growth",
                  en: "The growth rate 10.5 means more than 100% growth.", vi: "viết 0.1 cho 10%")
        expectOne(planJSON(target: #"{ "growth": -1, "baseline": 40 }"#), line: 4, marker: "-1", path: "target.growth",
                  en: "The growth rate -1 means a fall of 100% or more.", vi: "giảm hết 100%")
    }

    @Test func sampleFlagAndNote() throws {
        let json = planJSON(extra: #" "sample": true, "note": "Kế hoạch ghi “trên 20”: tính là 21.","#)
        let result = TargetFixtures.load(json)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(in: .en) })")
        let plan = try #require(result.plan)
        #expect(plan.isSample)
        #expect(plan.note == "Kế hoạch ghi “trên 20”: tính là 21.")
        #expect(try TargetFixtures.samplePlan().isSample == false)
        #expect(try #require(TargetFixtures.load(planJSON(extra: #" "sample": false,"#)).plan).isSample == false)
        expectOne(planJSON(extra: #" "sample": "có","#), line: 2, marker: #""có""#, path: "sample",
                  en: "Expected true or false (without quotes), but found a string.", vi: "Cần true hoặc false (không có dấu ngoặc kép)")
    }

    @Test func acceptsAPlanWithoutOptionalParts() throws {
        let json = #"{ "title": "T", "issuer": "I", "unit": "u", "period": { "start": "2021-01-01", "end": "2021-01-01" }, "target": 0 }"#
        let result = TargetFixtures.load(json)
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan?.areas == [])
    }

    // MARK: One fixture per rule

    @Test func malformedJSONGivesLineAndColumn() throws {
        let json = planJSON(progress: #"[ { "date": "2021-01-01" "count": 1 } ]"#)
        let diagnostic = expectOne(json, line: 7, marker: #""count""#, path: nil, en: "not valid JSON", vi: "không phải JSON hợp lệ")
        #expect(diagnostic?.formatted(in: .en).hasPrefix("targets/x.json:7:") == true)
    }

    @Test func missingField() {
        let json = #"{ "title": "T", "unit": "u", "period": { "start": "2021-01-01", "end": "2021-12-31" }, "target": 1 }"#
        expectOne(json, line: 1, marker: "{", path: "issuer", en: "required field “issuer” is missing", vi: "Thiếu trường bắt buộc “issuer”")
    }

    @Test func mistypedField() {
        expectOne(planJSON(target: #""100""#), line: 4, marker: #""100""#, path: "target", en: "but found a string", vi: "nhưng ở đây là chuỗi chữ")
    }

    @Test func negativeCount() {
        expectOne(planJSON(progress: #"[ { "date": "2021-02-01", "count": -3 } ]"#), line: 7, marker: "-3",
                  path: "progress[0].count", en: "negative", vi: "số âm")
    }

    @Test func fractionalCount() {
        expectOne(planJSON(progress: #"[ { "date": "2021-02-01", "count": 2.5 } ]"#), line: 7, marker: "2.5",
                  path: "progress[0].count", en: "not a whole number", vi: "không phải số nguyên")
    }

    @Test func dateThatIsNotARealDay() {
        let diagnostic = expectOne(planJSON(progress: #"[ { "date": "2021-02-30", "count": 1 } ]"#), line: 7, marker: #""2021-02-30""#,
                                   path: "progress[0].date", en: "not a real day", vi: "không phải một ngày có thật")
        let column = column(of: #""2021-02-30""#, line: 7, in: planJSON(progress: #"[ { "date": "2021-02-30", "count": 1 } ]"#)) ?? 0
        #expect(diagnostic?.formatted(in: .en).hasPrefix("targets/x.json:7:\(column): error: progress[0].date: ") == true)
    }

    @Test func dateOutsideThePeriod() {
        expectOne(planJSON(progress: #"[ { "date": "2022-01-05", "count": 1 } ]"#), line: 7, marker: #""2022-01-05""#,
                  path: "progress[0].date", en: "outside the plan’s period", vi: "nằm ngoài kỳ kế hoạch")
    }

    @Test func datesOutOfOrder() {
        let progress = #"[ { "date": "2021-05-01", "count": 1 }, { "date": "2021-04-01", "count": 1 } ]"#
        expectOne(planJSON(progress: progress), line: 7, marker: #""2021-04-01""#,
                  path: "progress[1].date", en: "not after the previous entry’s date", vi: "không sau ngày của mục trước")
    }

    @Test func sameDateTwice() {
        let progress = #"[ { "date": "2021-05-01", "count": 1 }, { "date": "2021-05-01", "count": 1 } ]"#
        expectOne(planJSON(progress: progress), line: 7, marker: #""2021-05-01""#, occurrence: 2,
                  path: "progress[1].date", en: "one entry per date", vi: "mỗi ngày một mục")
    }

    @Test func duplicateAreaIdsInAPlan() {
        let areas = #"[ { "id": "a", "name": "A", "areas": [ { "id": "b", "name": "B" } ] }, { "id": "b", "name": "B2" } ]"#
        expectOne(planJSON(areas: areas), line: 6, marker: #""b""#, occurrence: 2,
                  path: "areas[1].id", en: "already used on line 6", vi: "đã dùng ở dòng 6")
    }

    @Test func areaIdThatIsNotASlug() {
        expectOne(planJSON(areas: #"[ { "id": "Ninh Sơn", "name": "Huyện Ninh Sơn" } ]"#), line: 6, marker: #""Ninh Sơn""#,
                  path: "areas[0].id", en: "e.g. “ninh-son”", vi: "không hợp lệ")
    }

    @Test func marketSplitLargerThanCount() {
        let progress = #"[ { "date": "2021-02-01", "count": 3, "markets": { "nhat-ban": 2, "han-quoc": 2 } } ]"#
        expectOne(planJSON(progress: progress), line: 7, marker: #"{ "nhat-ban""#,
                  path: "progress[0].markets", en: "adds up to 4, more than this entry’s count (3)", vi: "lớn hơn số lao động")
    }

    @Test func groupSplitLargerThanCount() {
        let progress = #"[ { "date": "2021-02-01", "count": 3, "groups": { "chinh-sach": 5 } } ]"#
        expectOne(planJSON(groups: #"[ { "id": "chinh-sach", "name": "CS" } ]"#, progress: progress), line: 7, marker: "5",
                  path: "progress[0].groups.chinh-sach", en: "more than this entry’s count (3)", vi: "không thể vượt quá count")
    }

    @Test func marketWithoutAMarketPage() {
        let progress = #"[ { "date": "2021-02-01", "count": 3, "markets": { "my": 1 } } ]"#
        expectOne(planJSON(progress: progress), line: 7, marker: "1 }", path: "progress[0].markets.my",
                  en: "The market “my” has no market page", vi: "chưa có trang thị trường")
    }

    @Test func unknownGroupId() {
        let progress = #"[ { "date": "2021-02-01", "count": 3, "groups": { "nu": 1 } } ]"#
        expectOne(planJSON(groups: #"[ { "id": "chinh-sach", "name": "CS" } ]"#, progress: progress), line: 7, marker: "1 }",
                  path: "progress[0].groups.nu", en: "not in the plan’s groups (chinh-sach)", vi: "không có trong danh sách groups")
    }

    @Test func periodEndBeforeStart() {
        expectOne(planJSON(period: #"{ "start": "2021-06-01", "end": "2021-05-31" }"#), line: 3, marker: #""2021-05-31""#,
                  path: "period.end", en: "before the start date", vi: "trước ngày bắt đầu")
    }

    @Test func minGreaterThanMax() {
        expectOne(planJSON(target: #"{ "min": 700, "max": 500 }"#), line: 4, marker: "500",
                  path: "target.max", en: "maximum (500) is less than the minimum (700)", vi: "nhỏ hơn mức tối thiểu")
    }

    @Test func subAreaTargetsThatDoNotAddUpWarn() throws {
        let areas = #"[ { "id": "a", "name": "A", "target": 3 }, { "id": "b", "name": "B", "target": 4 } ]"#
        let json = planJSON(areas: areas)
        expectOne(json, .warning, line: 4, marker: "10", path: "target", en: "add up to 7", vi: "cộng lại là 7")
        #expect(TargetFixtures.load(json).plan != nil)
    }

    @Test func unknownKeyWarnsAndTheBuildGoesOn() throws {
        let json = planJSON(extra: #" "titel": "x","#)
        expectOne(json, .warning, line: 2, marker: #""titel""#, path: "titel", en: "A typo?", vi: "Có thể viết sai tên?")
        #expect(TargetFixtures.load(json).plan != nil)
    }

    @Test func repeatedKey() {
        expectOne(planJSON(extra: #" "unit": "x","#), line: 2, marker: #""unit""#, occurrence: 2, path: "unit",
                  en: "written twice", vi: "viết hai lần")
    }

    @Test func fileNameThatIsNotASlug() {
        let result = TargetPlanLoader.load(id: "Ninh Thuận", file: "targets/Ninh Thuận.json", data: Array(planJSON().utf8), knownMarkets: [])
        #expect(result.plan == nil)
        #expect(result.diagnostics.first?.location == NhipCauCore.SourceLocation(file: "targets/Ninh Thuận.json"))
    }

    @Test func unrealisticallyLargeCount() {
        expectOne(planJSON(progress: #"[ { "date": "2021-02-01", "count": 9223372036854775807 } ]"#), line: 7, marker: "9223",
                  path: "progress[0].count", en: "too large", vi: "quá lớn")
        expectOne(planJSON(target: "1e300"), line: 4, marker: "1e300", path: "target", en: "too large", vi: "quá lớn")
    }

    // MARK: Hostile input

    @Test func deepNestingIsAnErrorNotACrash() {
        let json = planJSON(extra: " \"deep\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + ",")
        let result = TargetFixtures.load(json)
        #expect(result.plan == nil)
        #expect(result.diagnostics.first?.message.en.contains("nested more than 64") == true)
    }

    @Test func invalidUTF8IsAnError() {
        let bytes = Array(#"{ "title": ""#.utf8) + [0xC0, 0xAF] + Array(#"" }"#.utf8)
        let result = TargetPlanLoader.load(id: "x", file: "targets/x.json", data: bytes, knownMarkets: [])
        #expect(result.plan == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.column == 13)
        #expect(result.diagnostics.first?.message.vi.contains("UTF-8") == true)
    }

    @Test func binaryGarbageIsAnError() {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let result = TargetPlanLoader.load(id: "x", file: "targets/x.json", data: bytes, knownMarkets: [])
        #expect(result.plan == nil)
        #expect(!result.diagnostics.isEmpty)
    }

    // MARK: Across plans

    @Test func oneAreaIdWithTwoNamesAcrossPlans() throws {
        let first = try #require(TargetFixtures.load(planJSON(areas: #"[ { "id": "ninh-son", "name": "Huyện Ninh Sơn" } ]"#), id: "a-2021").plan)
        let second = try #require(TargetFixtures.load(planJSON(areas: #"[ { "id": "ninh-son", "name": "Huyện Ninh Hải" } ]"#), id: "b-2022").plan)
        let same = try #require(TargetFixtures.load(planJSON(areas: #"[ { "id": "ninh-son", "name": "Huyện  Ninh Sơn" } ]"#), id: "c-2023").plan)
        #expect(TargetPlanLoader.crossCheck([first, same]).isEmpty)
        let diagnostics = TargetPlanLoader.crossCheck([second, first])
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "targets/b-2022.json")
        #expect(diagnostic.location.line == 6)
        #expect(diagnostic.location.jsonPath == "areas[0]")
        #expect(diagnostic.message.en.contains("“Huyện Ninh Hải” here but “Huyện Ninh Sơn” in targets/a-2021.json:6:"))
    }
}
