import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// ```` ```chart ```` blocks: an officer puts a progress chart into any page.
///
///     plan: ninh-thuan-2021
///     show: areas        # areas | timeline | markets | groups
///     area: ninh-son     # optional
struct ChartBlock {
    let site: Site
    let charts: ChartRenderer
    let marketNames: [String: String]

    enum Show: String, CaseIterable {
        case areas, timeline, markets, groups
    }

    func html(_ content: String, location: SourceLocation) -> Result<String, Diagnostic> {
        var fields: [String: (value: String, line: Int)] = [:]
        for (offset, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let here = at(location, offset)
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(.error(here,
                    vi: "Mỗi dòng trong khối biểu đồ có dạng `khóa: giá trị`, ví dụ `plan: ninh-thuan-2021`.",
                    en: "Each line of a chart block is `key: value`, e.g. `plan: ninh-thuan-2021`."))
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard ["plan", "show", "area"].contains(key) else {
                return .failure(.error(here,
                    vi: "Khối biểu đồ không dùng khóa `\(key)`. Các khóa: plan, show, area.",
                    en: "A chart block has no key `\(key)`. Keys: plan, show, area."))
            }
            fields[key] = (line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), offset)
        }
        guard let planField = fields["plan"], let plan = site.plan(id: planField.value),
              let figures = site.planFigures[plan.id] else {
            let ids = site.plans.map(\.id).sorted().joined(separator: ", ")
            return .failure(.error(at(location, fields["plan"]?.line ?? 0),
                vi: "Khối biểu đồ cần `plan:` là tên một tệp trong targets/ (không có .json). Các kế hoạch: \(ids.isEmpty ? "(chưa có)" : ids).",
                en: "A chart block needs `plan:` naming a file in targets/ (without .json). Plans: \(ids.isEmpty ? "(none yet)" : ids)."))
        }
        let showText = fields["show"]?.value ?? Show.areas.rawValue
        guard let show = Show(rawValue: showText) else {
            return .failure(.error(at(location, fields["show"]?.line ?? 0),
                vi: "`show: \(showText)` không có. Chọn một trong: areas (theo địa bàn), timeline (theo thời gian), markets (theo thị trường), groups (theo nhóm).",
                en: "`show: \(showText)` does not exist. Choose one of: areas, timeline, markets, groups."))
        }
        let area = fields["area"]?.value
        if let area, plan.area(id: area) == nil {
            return .failure(.error(at(location, fields["area"]?.line ?? 0),
                vi: "Kế hoạch `\(plan.id)` không có địa bàn `\(area)`. Các địa bàn: \(plan.allAreas.map(\.id).joined(separator: ", ")).",
                en: "The plan `\(plan.id)` has no area `\(area)`. Areas: \(plan.allAreas.map(\.id).joined(separator: ", "))."))
        }
        let prefix = "md\(location.line ?? 0)"
        let chart: String? = switch show {
        case .areas: charts.areas(plan: plan, figures: figures, parentArea: area, idPrefix: prefix)
        case .timeline: charts.timeline(plan: plan, figures: figures, area: area, idPrefix: prefix)
        case .markets: charts.markets(plan: plan, figures: figures, area: area, marketNames: marketNames, idPrefix: prefix)
        case .groups: charts.groups(plan: plan, figures: figures, idPrefix: prefix)
        }
        guard let chart else {
            return .failure(.error(location,
                vi: "Không có gì để vẽ: \(nothingToDraw(show).vi)", en: "Nothing to draw: \(nothingToDraw(show).en)"))
        }
        return .success(chart)
    }

    private func at(_ location: SourceLocation, _ offset: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: (location.line ?? 1) + offset, column: 1)
    }

    private func nothingToDraw(_ show: Show) -> LocalizedText {
        switch show {
        case .areas: LocalizedText(vi: "kế hoạch (hoặc địa bàn) này không có địa bàn con. Dùng `show: timeline`.",
                                   en: "this plan (or area) has no sub-areas. Use `show: timeline`.")
        case .markets: LocalizedText(vi: "số liệu chưa chia theo thị trường (`markets` trong progress).",
                                     en: "the progress has no split by market (`markets` in progress).")
        case .groups: LocalizedText(vi: "kế hoạch này không có nhóm (`groups`).", en: "this plan has no `groups`.")
        case .timeline: LocalizedText(vi: "không có số liệu.", en: "there is no data.")
        }
    }
}

