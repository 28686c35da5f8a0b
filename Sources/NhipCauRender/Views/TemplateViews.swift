import NhipCauCore
import NhipCauTemplates

/// Which view model each template of the default theme receives. Pages render their template
/// with the view named here, then `layout` around it; a partial (`{{>story-list}}`) is rendered
/// with the values around its tag, named here by what the default templates pass it.
enum TemplateViews {
    struct Entry: Sendable {
        let template: String
        let shape: FieldShape
        /// What the page or partial is, for docs/content.md (in Vietnamese, as that guide is).
        let role: String
    }

    static let all: [Entry] = [
        Entry(template: "layout", shape: .of(LayoutView.self), role: "mọi trang, bọc quanh phần do mẫu của trang viết ra (`content`)"),
        Entry(template: "home", shape: .of(HomeView.self), role: "trang chủ"),
        Entry(template: "stories", shape: .of(StoryListPageView.self), role: "danh sách câu chuyện, chia trang"),
        Entry(template: "story", shape: .of(StoryView.self), role: "một câu chuyện"),
        Entry(template: "tag", shape: .of(TagPageView.self), role: "các câu chuyện có một thẻ"),
        Entry(template: "markets", shape: .of(MarketListView.self), role: "bảng thị trường"),
        Entry(template: "market", shape: .of(MarketView.self), role: "một thị trường"),
        Entry(template: "policies", shape: .of(PolicyListView.self), role: "bảng chính sách"),
        Entry(template: "policy", shape: .of(PolicyView.self), role: "một chính sách"),
        Entry(template: "page", shape: .of(FreePageView.self), role: "một trang tĩnh (pages/)"),
        Entry(template: "plans", shape: .of(PlanListView.self), role: "bảng kế hoạch chỉ tiêu"),
        Entry(template: "plan", shape: .of(PlanView.self), role: "một kế hoạch chỉ tiêu"),
        Entry(template: "area", shape: .of(AreaView.self), role: "một địa bàn của các kế hoạch"),
        Entry(template: "notices", shape: .of(NoticeListView.self), role: "danh sách thông báo: đang có hiệu lực, rồi đã hết hạn"),
        Entry(template: "notice", shape: .of(NoticeView.self), role: "một thông báo"),
        Entry(template: "areas", shape: .of(AreaListView.self), role: "danh sách địa bàn của areas.yml: đơn vị hiện nay, rồi đơn vị đã sáp nhập"),
        Entry(template: "jobs", shape: .of(JobListView.self), role: "đơn hàng đang nhận hồ sơ, tạm dừng, và liên kết tới đơn hàng đã hết hạn"),
        Entry(template: "jobs-closed", shape: .of(JobClosedListView.self), role: "đơn hàng đã hết hạn nhận hồ sơ, chia trang"),
        Entry(template: "job", shape: .of(JobView.self), role: "một đơn hàng"),
        Entry(template: "enterprise-jobs", shape: .of(EnterpriseJobsView.self),
              role: "đơn hàng của một doanh nghiệp (đang nhận hoặc tạm dừng, rồi đã hết hạn), đặt vào `jobs` của `enterprise`"),
        Entry(template: "data", shape: .of(DataPackageView.self), role: "gói dữ liệu mở /du-lieu/: các tệp, các cột, các chỉ số"),
        Entry(template: "search", shape: .of(SearchPageView.self), role: "trang Tìm kiếm"),
        Entry(template: "not-found", shape: .of(NotFoundView.self), role: "trang 404"),
        Entry(template: "breadcrumbs", shape: .of(ListView<LinkView>.self), role: "mẫu con, trong khối `breadcrumbs` của `layout`"),
        Entry(template: "story-list", shape: .of(ListView<StoryCardView>.self),
              role: "mẫu con: danh sách thẻ câu chuyện, trong `latest` của `home`, `list` của `stories` và `tag`, `related` của `story`, `stories` của `market` và `area`"),
        Entry(template: "notice-list", shape: .of(ListView<NoticeCardView>.self),
              role: "mẫu con: danh sách thẻ thông báo, trong `notices` của `home` và `area`, `live` và `expired` của `notices`"),
        Entry(template: "events", shape: .of(EventListView.self), role: "sự kiện sắp diễn ra và đang diễn ra"),
        Entry(template: "past-events", shape: .of(PastEventListView.self), role: "sự kiện đã diễn ra, chia trang"),
        Entry(template: "event", shape: .of(EventView.self), role: "một sự kiện"),
        Entry(template: "event-list", shape: .of(ListView<EventCardView>.self),
              role: "mẫu con: danh sách thẻ sự kiện, trong `upcomingEvents` của `home`, `events` của `area`, `current` của `events`, `list` của `past-events`"),
        Entry(template: "job-list", shape: .of(ListView<JobCardView>.self),
              role: "mẫu con: danh sách thẻ đơn hàng, trong `open`, `paused` của `jobs`, `list` của `jobs-closed`, `jobs.list` của `market`, `area` và `home`"),
        Entry(template: "enterprises", shape: .of(EnterpriseListView.self), role: "sổ doanh nghiệp được cấp phép, chia trang"),
        Entry(template: "enterprise", shape: .of(EnterpriseView.self), role: "một doanh nghiệp: giấy phép, tình trạng, liên hệ"),
        Entry(template: "warnings", shape: .of(WarningListView.self), role: "danh sách cảnh báo, mới nhất trước"),
        Entry(template: "warning", shape: .of(WarningView.self), role: "một cảnh báo"),
        Entry(template: "warning-list", shape: .of(ListView<WarningCardView>.self),
              role: "mẫu con: danh sách thẻ cảnh báo, trong `list` của `warnings`, `warnings` của `enterprise`"),
        Entry(template: "figure-facts", shape: .of(FigureFactsView.self), role: "mẫu con, trong `facts` của `plan` và `area`"),
        Entry(template: "area-contacts", shape: .of(AreaContactsView.self), role: "mẫu con: người liên hệ của một địa bàn, trong `contacts` của `area` và `areas`"),
        Entry(template: "bank-office", shape: .of(BankOfficeView.self), role: "mẫu con: phòng giao dịch Ngân hàng Chính sách xã hội, trong `bank` của `area` và `areas`"),
        Entry(template: "market-plans", shape: .of(MarketPlansView.self), role: "mẫu con, trong `planCounts` của `market`"),
        Entry(template: "plan-series", shape: .of(PlanSeriesView.self), role: "một chuỗi kế hoạch nối tiếp nhau (`series`)"),
        Entry(template: "reporting-status", shape: .of(ReportingStatusView.self), role: "tình trạng báo cáo của mọi kế hoạch và địa bàn"),
        Entry(template: "freshness", shape: .of(FreshnessView.self), role: "mẫu con, trong `freshness` của `plan` và của mỗi mục `plans` của `area`"),
        Entry(template: "about-data", shape: .of(AboutDataView.self), role: "mẫu con “Về số liệu”, trong `about` của `plan` và của mỗi chỉ tiêu trong `indicators`"),
    ]

    static let byTemplate: [String: Entry] = Dictionary(uniqueKeysWithValues: all.map { ($0.template, $0) })
}

/// A tag of a theme template that reads a name its view model does not have.
struct UnknownField: Equatable, Sendable {
    let name: String
    let line: Int
    let column: Int
    /// The theme's words, when the name is `t.something`.
    let isWord: Bool
}

enum TemplateFieldCheck {
    /// The tags of `source` that read a field `shape` does not have, looked up as Mustache does:
    /// through the values of the sections around the tag, innermost first (`.name` in the innermost
    /// only). `t.name` is checked against the theme's words. Partial tags are not followed.
    static func unknownFields(in source: String, shape: FieldShape, words: Set<String>) -> [UnknownField] {
        guard let tags = try? Template.tags(in: source) else { return [] }
        // A partial also sees the words of the page it is part of.
        let root: [FieldShape] = [.object([Field(name: "t", shape: .words, optional: false)]), shape]
        var unknown: [UnknownField] = []
        for tag in tags where tag.kind != .partial && !tag.parts.isEmpty {
            guard let stack = contexts(root, tag.enclosing, words: words) else { continue }
            if let problem = lookup(tag.parts, anchored: tag.anchored, in: stack, words: words) {
                unknown.append(UnknownField(name: tag.parts.joined(separator: "."), line: tag.line, column: tag.column, isWord: problem == .word))
            }
        }
        return unknown
    }

    private enum Problem { case field, word }

    /// The values in scope inside `sections`, innermost last; nil when one of the sections is
    /// itself unknown (reported at its own tag).
    private static func contexts(_ root: [FieldShape], _ sections: [TemplateTag], words: Set<String>) -> [FieldShape]? {
        var stack = root
        for section in sections where section.kind == .section && !section.parts.isEmpty {
            guard let shape = resolve(section.parts, anchored: section.anchored, in: stack) else { return nil }
            switch shape {
            case .list(let element): stack.append(element)
            case .object: stack.append(shape)
            case .text, .number, .flag, .words: stack.append(shape)
            }
        }
        return stack
    }

    private static func lookup(_ parts: [String], anchored: Bool, in stack: [FieldShape], words: Set<String>) -> Problem? {
        guard let first = resolve(Array(parts.prefix(1)), anchored: anchored, in: stack) else { return .field }
        if first == .words { return parts.count == 2 && words.contains(parts[1]) ? nil : .word }
        return resolve(parts, anchored: anchored, in: stack) == nil ? .field : nil
    }

    private static func resolve(_ parts: [String], anchored: Bool, in stack: [FieldShape]) -> FieldShape? {
        guard let first = parts.first else { return stack.last }
        let candidates = anchored ? Array(stack.suffix(1)) : stack.reversed()
        guard var shape = candidates.lazy.compactMap({ $0.fields.first { $0.name == first }?.shape }).first else { return nil }
        for part in parts.dropFirst() {
            if shape == .words { return .text }
            guard let next = shape.fields.first(where: { $0.name == part })?.shape else { return nil }
            shape = next
        }
        return shape
    }
}

/// The "Template fields" section of docs/content.md, generated from the view models.
enum TemplateFieldsDoc {
    static let start = "<!-- template-fields: generated from the view models; DefaultThemeTests checks it -->"
    static let end = "<!-- /template-fields -->"

    static func markdown() -> String {
        var lines = [start, ""]
        for entry in TemplateViews.all {
            lines.append("#### `\(entry.template).mustache`: \(entry.role)")
            lines.append("")
            lines += describe(entry.shape.fields, depth: 0)
            lines.append("")
        }
        lines.append(end)
        return lines.joined(separator: "\n")
    }

    private static func describe(_ fields: [Field], depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        return fields.flatMap { field -> [String] in
            let optional = field.optional ? ", có thể không có" : ""
            switch field.shape {
            case .text: return ["\(indent)- `\(field.name)`: chữ\(optional)"]
            case .number: return ["\(indent)- `\(field.name)`: số\(optional)"]
            case .flag: return ["\(indent)- `\(field.name)`: có/không\(optional)"]
            case .words: return ["\(indent)- `t`: các từ của giao diện, `{{t.tên}}`"]
            case .object(let inner):
                return ["\(indent)- `\(field.name)`\(optional.isEmpty ? "" : " (có thể không có)"):"] + describe(inner, depth: depth + 1)
            case .list(.object(let inner)):
                return ["\(indent)- `\(field.name)`: danh sách\(optional), mỗi mục có:"] + describe(inner, depth: depth + 1)
            case .list:
                return ["\(indent)- `\(field.name)`: danh sách đoạn chữ\(optional), mỗi mục đọc bằng `{{{.}}}` hoặc `{{.}}`"]
            }
        }
    }
}
