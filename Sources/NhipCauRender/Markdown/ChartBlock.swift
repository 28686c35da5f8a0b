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
    /// Whether `targets/<id>.json` is in the content folder, to tell a misspelt plan from one
    /// whose file was not loaded because of its errors.
    var planFileExists: @Sendable (String) -> Bool = { _ in false }

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
        let plan: TargetPlan, figures: PlanFigures
        switch findPlan(fields["plan"], location: location) {
        case .success(let found): (plan, figures) = found
        case .failure(let problem): return .failure(problem)
        }
        let showText = fields["show"]?.value ?? Show.areas.rawValue
        guard let show = Show(rawValue: showText) else {
            return .failure(.error(at(location, fields["show"]?.line ?? 0),
                vi: "`show: \(showText)` không có. Chọn một trong: areas (theo địa bàn), timeline (theo thời gian), markets (theo thị trường), groups (theo nhóm).",
                en: "`show: \(showText)` does not exist. Choose one of: areas, timeline, markets, groups."))
        }
        let area = fields["area"]?.value
        if let area, let line = fields["area"]?.line {
            if plan.area(id: area) == nil {
                return .failure(.error(at(location, line),
                    vi: "Kế hoạch `\(plan.id)` không có địa bàn `\(area)`. Các địa bàn: \(plan.allAreas.map(\.id).joined(separator: ", ")).",
                    en: "The plan `\(plan.id)` has no area `\(area)`. Areas: \(plan.allAreas.map(\.id).joined(separator: ", "))."))
            }
            if show == .groups {
                return .failure(.error(at(location, line),
                    vi: "`area: \(area)` không dùng được với `show: groups`: nhóm lao động chỉ được tính cho cả kế hoạch. Bỏ dòng `area:`, hoặc dùng `show: timeline` hay `show: markets` để xem riêng địa bàn này.",
                    en: "`area: \(area)` cannot be used with `show: groups`: groups are counted for the whole plan only. Remove the `area:` line, or use `show: timeline` or `show: markets` for this area alone."))
            }
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

    /// The plan a block names, with a message for each way it can be wrong: no `plan:` line, a
    /// plan file that does not exist, and one that exists but could not be read for its errors.
    private func findPlan(_ field: (value: String, line: Int)?, location: SourceLocation) -> Result<(TargetPlan, PlanFigures), Diagnostic> {
        let ids = site.plans.map(\.id).sorted().joined(separator: ", ")
        let known = LocalizedText(vi: ids.isEmpty ? "(chưa có)" : ids, en: ids.isEmpty ? "(none yet)" : ids)
        guard let field, !field.value.isEmpty else {
            return .failure(.error(at(location, field?.line ?? 0),
                vi: "Khối biểu đồ thiếu dòng `plan:` cho biết vẽ kế hoạch nào. Viết `plan:` và tên một tệp trong targets/ (không có .json). Các kế hoạch: \(known.vi).",
                en: "The chart block has no `plan:` line saying which plan to draw. Write `plan:` and a file name from targets/ (without .json). Plans: \(known.en)."))
        }
        let id = field.value
        if let plan = site.plan(id: id), let figures = site.planFigures[plan.id] { return .success((plan, figures)) }
        if VietnameseText.isValidSlug(id), planFileExists(id) {
            return .failure(.error(at(location, field.line),
                vi: "Kế hoạch `\(id)` có lỗi nên chưa vẽ được biểu đồ. Hãy sửa các lỗi đã báo cho tệp targets/\(id).json.",
                en: "The plan `\(id)` has errors, so its chart cannot be drawn. Fix the errors reported for targets/\(id).json.")
                .following("targets/\(id).json"))
        }
        return .failure(.error(at(location, field.line),
            vi: "Không có kế hoạch `\(id)`: không có tệp targets/\(id).json. Kiểm tra lại tên; các kế hoạch: \(known.vi).",
            en: "There is no plan `\(id)`: there is no file targets/\(id).json. Check the name; plans: \(known.en)."))
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

