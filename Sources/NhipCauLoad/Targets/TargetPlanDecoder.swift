import NhipCauCore

/// Walks a parsed plan file, building models and collecting diagnostics. Every reader returns
/// nil after reporting a problem, so one bad field does not hide the others.
struct TargetPlanDecoder {
    let file: String
    let knownMarkets: Set<String>
    var diagnostics: [Diagnostic] = []

    /// Context for reading progress entries.
    private var period: PlanPeriod?
    private var groupIds: Set<String> = []
    /// Area id → where it was first written, for the duplicate check.
    private var areaLines: [String: SourceLocation] = [:]

    init(file: String, knownMarkets: Set<String>) {
        self.file = file
        self.knownMarkets = knownMarkets
    }

    // MARK: Plan

    static let planKeys = ["title", "issuer", "document", "note", "sample", "unit", "period", "target", "groups", "areas", "progress",
                           "about", "indicators", "series", "seriesTitle", "schedule", "notes"]
    /// What one indicator holds; in a single-indicator file these are top-level keys.
    static let indicatorKeys = ["id", "name", "unit", "target", "groups", "areas", "progress", "about"]

    mutating func plan(_ root: JSONNode, id: String) -> TargetPlan? {
        guard let fields = object(root, path: "", keys: Self.planKeys) else { return nil }
        let title = requiredText(fields, "title", path: "")
        let issuer = requiredText(fields, "issuer", path: "")
        let listed = fields["indicators"]
        let implicitUnit = listed == nil ? requiredText(fields, "unit", path: "") : nil
        let document = fields["document"].flatMap { text($0, path: "document") }
        let note = fields["note"].flatMap { text($0, path: "note") }
        let isSample = fields["sample"].flatMap { flag($0, path: "sample") } ?? false
        period = fields.required("period", path: "", decoder: &self).flatMap { readPeriod($0, path: "period") }
        let indicators: [PlanIndicator]?
        if let listed {
            rejectTopLevelIndicatorKeys(fields)
            indicators = readIndicators(listed, path: "indicators")
        } else {
            indicators = readIndicatorFields(fields, path: "", id: PlanIndicator.implicitID, name: nil, unit: implicitUnit).map { [$0] }
        }
        let series = fields["series"].flatMap { slug($0, path: "series") }
        let seriesTitle = fields["seriesTitle"].flatMap { text($0, path: "seriesTitle") }
        let schedule = fields["schedule"].flatMap { readSchedule($0, path: "schedule") }
        let notes = fields["notes"].map { readNotes($0, path: "notes") } ?? []
        guard let title, let issuer, let period, let indicators, !indicators.isEmpty else { return nil }
        return TargetPlan(id: id, sourceFile: file, title: title, issuer: issuer, document: document, period: period,
                          indicators: indicators, series: series, seriesTitle: seriesTitle, schedule: schedule, notes: notes,
                          note: note, isSample: isSample)
    }

    // MARK: Indicators

    /// Target, groups, areas, progress and about of one indicator, from a list item or from the
    /// top level of a single-indicator file (`path` empty). Each indicator has its own areas and groups.
    private mutating func readIndicatorFields(_ fields: ObjectFields, path: String, id: String, name: String?, unit: String?) -> PlanIndicator? {
        groupIds = []
        areaLines = [:]
        let target = fields.required("target", path: path, decoder: &self).flatMap { readTarget($0, path: join(path, "target")) }
        let groups = fields["groups"].map { readGroups($0, path: join(path, "groups")) } ?? []
        groupIds = Set(groups.map(\.id))
        let areas = fields["areas"].map { readAreas($0, path: join(path, "areas")) } ?? []
        let progress = fields["progress"].map { readProgress($0, path: join(path, "progress")) } ?? []
        if let target, let targetNode = fields["target"] {
            checkSubTargets(parent: target, children: areas, at: targetNode, path: join(path, "target"))
        }
        let about = fields["about"].flatMap { readAbout($0, path: join(path, "about")) }
        guard let unit, let target else { return nil }
        return PlanIndicator(id: id, name: name, unit: unit, target: target, groups: groups, areas: areas,
                             progress: progress, about: about)
    }

    private mutating func readIndicators(_ node: JSONNode, path: String) -> [PlanIndicator]? {
        let elements = array(node, path: path)
        guard case .array = node.value else { return nil }
        guard !elements.isEmpty else {
            report(.error, node, path, "load.indicatorsListEmpty")
            return nil
        }
        var indicators: [PlanIndicator] = []
        var idLines: [String: Int] = [:]
        var complete = true
        for (index, element) in elements.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = object(element, path: itemPath, keys: Self.indicatorKeys) else { complete = false; continue }
            let id = fields.required("id", path: itemPath, decoder: &self).flatMap { slug($0, path: join(itemPath, "id")) }
            let name = requiredText(fields, "name", path: itemPath)
            let unit = requiredText(fields, "unit", path: itemPath)
            if let id, let idNode = fields["id"] {
                if let line = idLines[id] {
                    report(.error, idNode, join(itemPath, "id"), "load.indicatorIdUsedTwice", ["id": "\(id)", "line": "\(line)"])
                } else {
                    idLines[id] = idNode.line
                }
            }
            guard let indicator = readIndicatorFields(fields, path: itemPath, id: id ?? "", name: name, unit: unit),
                  id != nil, name != nil else { complete = false; continue }
            indicators.append(indicator)
        }
        return complete ? indicators : nil
    }

    /// With `indicators`, what an indicator holds belongs in each list item, not at the top.
    private mutating func rejectTopLevelIndicatorKeys(_ fields: ObjectFields) {
        for key in Self.indicatorKeys {
            guard let node = fields[key] else { continue }
            report(.error, node, key, "load.keyBelongsInIndicators", ["key": "\(key)"])
        }
    }

    private mutating func readAbout(_ node: JSONNode, path: String) -> IndicatorAbout? {
        let keys = ["source", "method", "frequency", "responsible", "contact", "updated"]
        guard let fields = object(node, path: path, keys: keys) else { return nil }
        func optionalText(_ key: String, _ decoder: inout TargetPlanDecoder) -> String? {
            fields[key].flatMap { decoder.text($0, path: decoder.join(path, key)) }
        }
        let source = optionalText("source", &self)
        let method = optionalText("method", &self)
        let frequency = optionalText("frequency", &self)
        let responsible = optionalText("responsible", &self)
        let contact = optionalText("contact", &self)
        let updated = fields["updated"].flatMap { readDate($0, path: join(path, "updated")) }
        return IndicatorAbout(source: source, method: method, frequency: frequency, responsible: responsible,
                              contact: contact, updated: updated)
    }

    // MARK: Schedule and notes

    /// `{"every": "quarter", "day": 25}`.
    private mutating func readSchedule(_ node: JSONNode, path: String) -> ReportSchedule? {
        guard let fields = object(node, path: path, keys: ["every", "day"]) else { return nil }
        let known = ReportSchedule.Every.allCases.map(\.rawValue)
        var every: ReportSchedule.Every?
        if let everyNode = fields.required("every", path: path, decoder: &self), let word = text(everyNode, path: join(path, "every")) {
            every = ReportSchedule.Every(rawValue: word)
            if every == nil {
                report(.error, everyNode, join(path, "every"), "load.scheduleEveryUnknown",
                       ["value": "\(word)", "known": "\(known.joined(separator: ", "))"])
            }
        }
        var day: Int?
        if let dayNode = fields.required("day", path: path, decoder: &self), let value = readCount(dayNode, path: join(path, "day")) {
            if (1...31).contains(value) {
                day = value
            } else {
                report(.error, dayNode, join(path, "day"), "load.scheduleDayOutOfRange", ["value": "\(value)"])
            }
        }
        guard let every, let day else { return nil }
        return ReportSchedule(every: every, day: day)
    }

    /// `[{"date": "2021-07-15", "text": "…"}]`, each inside the plan's period; kept in date order.
    private mutating func readNotes(_ node: JSONNode, path: String) -> [PlanNote] {
        var notes: [PlanNote] = []
        for (index, element) in array(node, path: path).enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = object(element, path: itemPath, keys: ["date", "text"]) else { continue }
            let date = fields.required("date", path: itemPath, decoder: &self).flatMap { readDate($0, path: join(itemPath, "date")) }
            let words = requiredText(fields, "text", path: itemPath)
            guard let date, let words else { continue }
            if let period, !period.contains(date), let dateNode = fields["date"] {
                report(.error, dateNode, join(itemPath, "date"), "load.noteDateOutsidePeriod",
                       ["date": "\(date.iso)", "start": "\(period.start.iso)", "end": "\(period.end.iso)"])
                continue
            }
            notes.append(PlanNote(date: date, text: words))
        }
        return notes.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    // MARK: Period and targets

    private mutating func readPeriod(_ node: JSONNode, path: String) -> PlanPeriod? {
        guard let fields = object(node, path: path, keys: ["start", "end"]) else { return nil }
        let start = fields.required("start", path: path, decoder: &self).flatMap { readDate($0, path: join(path, "start")) }
        let end = fields.required("end", path: path, decoder: &self).flatMap { readDate($0, path: join(path, "end")) }
        guard let start, let end, let endNode = fields["end"] else { return nil }
        guard start <= end else {
            report(.error, endNode, join(path, "end"), "load.endDateBeforeStart", ["end": "\(end.iso)", "start": "\(start.iso)"])
            return nil
        }
        return PlanPeriod(start: start, end: end)
    }

    /// A number, `{"min", "max"}`, or `{"growth": number or {"min", "max"}, "baseline"}`.
    private mutating func readTarget(_ node: JSONNode, path: String) -> PlanTarget? {
        if case .object(let members) = node.value, members.contains(where: { $0.key == "growth" || $0.key == "baseline" }) {
            return readGrowthTarget(node, path: path)
        }
        if case .object = node.value {
            guard let fields = object(node, path: path, keys: ["min", "max"]) else { return nil }
            let min = fields.required("min", path: path, decoder: &self).flatMap { readCount($0, path: join(path, "min")) }
            let max = fields.required("max", path: path, decoder: &self).flatMap { readCount($0, path: join(path, "max")) }
            guard let min, let max, let maxNode = fields["max"] else { return nil }
            guard checkMinMax(min: min, max: max, at: maxNode, path: join(path, "max")) else { return nil }
            return .range(min: min, max: max)
        }
        return readCount(node, path: path, expected: LocalizedText("load.wholeNumberRangeMin")).map(PlanTarget.exact)
    }

    private mutating func readGrowthTarget(_ node: JSONNode, path: String) -> PlanTarget? {
        guard let fields = object(node, path: path, keys: ["growth", "baseline"]) else { return nil }
        let baseline = fields.required("baseline", path: path, decoder: &self).flatMap { readCount($0, path: join(path, "baseline")) }
        guard let growthNode = fields.required("growth", path: path, decoder: &self) else { return nil }
        let growthPath = join(path, "growth")
        var rates: (min: Double, max: Double)?
        if case .object = growthNode.value {
            if let growth = object(growthNode, path: growthPath, keys: ["min", "max"]) {
                let min = growth.required("min", path: growthPath, decoder: &self).flatMap { rate($0, path: join(growthPath, "min")) }
                let max = growth.required("max", path: growthPath, decoder: &self).flatMap { rate($0, path: join(growthPath, "max")) }
                if let min, let max, let maxNode = growth["max"], checkMinMax(min: min, max: max, at: maxNode, path: join(growthPath, "max")) {
                    rates = (min, max)
                }
            }
        } else if let single = rate(growthNode, path: growthPath) {
            rates = (single, single)
        }
        guard let baseline, let rates else { return nil }
        return .growth(minRate: rates.min, maxRate: rates.max, baseline: baseline)
    }

    private mutating func rate(_ node: JSONNode, path: String) -> Double? {
        let value: Double
        switch node.value {
        case .integer(let whole): value = Double(whole)
        case .number(let number): value = number
        default:
            reportType(node, path: path, expected: LocalizedText("load.rateNumberEG"))
            return nil
        }
        // A rate is a fraction: 0.1 is 10%. A rate above 1 (more than doubling in a year) is
        // never a plausible placement target; it is almost always a percent written as a number.
        guard value <= 1 else {
            report(.error, node, path, "load.growthRateMeansMore", ["value": "\(Self.plain(value))"])
            return nil
        }
        guard value > -1 else {
            report(.error, node, path, "load.growthRateMeansFall", ["value": "\(Self.plain(value))"])
            return nil
        }
        return value
    }

    /// `10` rather than `10.0` for a whole number, as the officer wrote it.
    private static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private mutating func checkMinMax<Number: Comparable>(min: Number, max: Number, at node: JSONNode, path: String) -> Bool {
        guard min <= max else {
            report(.error, node, path, "load.maximumLessMinimumSwap", ["max": "\(max)", "min": "\(min)"])
            return false
        }
        return true
    }

    /// Sub-area targets should add up to the parent's: a warning, since plans are sometimes
    /// published with shares that are rounded or left open.
    private mutating func checkSubTargets(parent: PlanTarget, children: [PlanArea], at node: JSONNode, path: String) {
        guard !children.isEmpty else { return }
        let targets = children.compactMap(\.target)
        let sumMin = targets.reduce(0) { $0 &+ $1.min }
        let sumMax = targets.reduce(0) { $0 &+ $1.max }
        let allHaveTargets = targets.count == children.count
        let addsUp = allHaveTargets
            ? (sumMin == parent.min && sumMax == parent.max) || (parent.min <= sumMin && sumMax <= parent.max)
            : sumMin <= parent.max
        guard !addsUp else { return }
        let sum = sumMin == sumMax ? "\(sumMin)" : "\(sumMin)–\(sumMax)"
        let whole = parent.isRange ? "\(parent.min)–\(parent.max)" : "\(parent.min)"
        report(.warning, node, path, "load.subAreaTargetsAdd", ["sum": "\(sum)", "whole": "\(whole)"])
    }

    // MARK: Groups and areas

    private mutating func readGroups(_ node: JSONNode, path: String) -> [PlanGroup] {
        var groups: [PlanGroup] = []
        for (index, element) in array(node, path: path).enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = object(element, path: itemPath, keys: ["id", "name", "target"]) else { continue }
            let id = fields.required("id", path: itemPath, decoder: &self).flatMap { slug($0, path: join(itemPath, "id")) }
            let name = requiredText(fields, "name", path: itemPath)
            let target = fields["target"].flatMap { readTarget($0, path: join(itemPath, "target")) }
            guard let id, let name else { continue }
            if groups.contains(where: { $0.id == id }), let idNode = fields["id"] {
                report(.error, idNode, join(itemPath, "id"), "load.groupIdUsedTwice", ["id": "\(id)"])
                continue
            }
            groups.append(PlanGroup(id: id, name: name, target: target))
        }
        return groups
    }

    private mutating func readAreas(_ node: JSONNode, path: String) -> [PlanArea] {
        array(node, path: path).enumerated().compactMap { index, element in
            readArea(element, path: "\(path)[\(index)]")
        }
    }

    private mutating func readArea(_ node: JSONNode, path: String) -> PlanArea? {
        guard let fields = object(node, path: path, keys: ["id", "name", "target", "areas", "progress"]) else { return nil }
        let id = fields.required("id", path: path, decoder: &self).flatMap { slug($0, path: join(path, "id")) }
        let name = requiredText(fields, "name", path: path)
        let target = fields["target"].flatMap { readTarget($0, path: join(path, "target")) }
        if let id, let idNode = fields["id"] { checkUniqueArea(id, at: idNode, path: join(path, "id")) }
        let areas = fields["areas"].map { readAreas($0, path: join(path, "areas")) } ?? []
        let progress = fields["progress"].map { readProgress($0, path: join(path, "progress")) } ?? []
        if let target, let targetNode = fields["target"] {
            checkSubTargets(parent: target, children: areas, at: targetNode, path: join(path, "target"))
        }
        guard let id, let name else { return nil }
        return PlanArea(id: id, name: name, target: target, areas: areas, progress: progress, location: location(node, path))
    }

    private mutating func checkUniqueArea(_ id: String, at node: JSONNode, path: String) {
        if let first = areaLines[id] {
            report(.error, node, path,
"load.areaIdUsedTwice", ["id": "\(id)", "line": "\(first.line ?? 0)", "path": "\(first.jsonPath ?? "")"])
        } else {
            areaLines[id] = location(node, path)
        }
    }

    // MARK: Progress

    private mutating func readProgress(_ node: JSONNode, path: String) -> [ProgressEntry] {
        var entries: [ProgressEntry] = []
        for (index, element) in array(node, path: path).enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let entry = readEntry(element, path: itemPath) else { continue }
            if let previous = entries.last, entry.date <= previous.date, let dateNode = element["date"] {
                report(.error, dateNode, join(itemPath, "date"), "load.dateNotAfterPrevious", ["date": "\(entry.date.iso)", "date2": "\(previous.date.iso)"])
            }
            entries.append(entry)
        }
        return entries
    }

    private mutating func readEntry(_ node: JSONNode, path: String) -> ProgressEntry? {
        guard let fields = object(node, path: path, keys: ["date", "count", "markets", "groups"]) else { return nil }
        let date = fields.required("date", path: path, decoder: &self).flatMap { readDate($0, path: join(path, "date")) }
        let count = fields.required("count", path: path, decoder: &self).flatMap { readCount($0, path: join(path, "count")) }
        if let date, let period, !period.contains(date), let dateNode = fields["date"] {
            report(.error, dateNode, join(path, "date"), "load.dateOutsidePlanS", ["date": "\(date.iso)", "start": "\(period.start.iso)", "end": "\(period.end.iso)"])
        }
        let markets = fields["markets"].map { splits($0, path: join(path, "markets")) } ?? []
        let groups = fields["groups"].map { splits($0, path: join(path, "groups")) } ?? []
        guard let date, let count else { return nil }
        let marketCounts = checkMarkets(markets, count: count, node: fields["markets"], path: join(path, "markets"))
        let groupCounts = checkGroups(groups, count: count, path: join(path, "groups"))
        return ProgressEntry(date: date, count: count, markets: marketCounts, groups: groupCounts)
    }

    /// The `{"slug": count}` pairs of a split, in file order.
    private mutating func splits(_ node: JSONNode, path: String) -> [(key: String, count: Int, node: JSONNode)] {
        guard case .object(let members) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.objectLikeNhatBan"))
            return []
        }
        return members.compactMap { member in
            readCount(member.value, path: join(path, member.key)).map { (member.key, $0, member.value) }
        }
    }

    /// Markets split one count between destinations, so together they may not exceed it.
    private mutating func checkMarkets(_ splits: [(key: String, count: Int, node: JSONNode)], count: Int, node: JSONNode?, path: String) -> [MarketCount] {
        for split in splits where !knownMarkets.contains(split.key) {
            let known = knownMarkets.sorted().prefix(12).joined(separator: ", ")
            report(.error, split.node, join(path, split.key), "load.marketNoMarketPage", ["splitKey": "\(split.key)", "known": "\(known)"])
        }
        let total = splits.reduce(0) { $0 &+ $1.count }
        if total > count, let node {
            report(.error, node, path, "load.marketSplitAddsUp", ["total": "\(total)", "count": "\(count)"])
        }
        return splits.map { MarketCount(slug: $0.key, count: $0.count) }
    }

    /// Groups may overlap (one worker can be in several), so each one alone is checked against the count.
    private mutating func checkGroups(_ splits: [(key: String, count: Int, node: JSONNode)], count: Int, path: String) -> [GroupCount] {
        for split in splits {
            if !groupIds.contains(split.key) {
                let known = groupIds.sorted().joined(separator: ", ")
                report(.error, split.node, join(path, split.key), "load.groupNotInPlan",
                       ["group": "\(split.key)", "known": known.isEmpty ? "" : "\(" (\(known))")"])
            }
            if split.count > count {
                report(.error, split.node, join(path, split.key), "load.groupMoreEntryS", ["splitKey": "\(split.key)", "splitCount": "\(split.count)", "count": "\(count)"])
            }
        }
        return splits.map { GroupCount(id: $0.key, count: $0.count) }
    }

    // MARK: Scalars

    private mutating func requiredText(_ fields: ObjectFields, _ key: String, path: String) -> String? {
        fields.required(key, path: path, decoder: &self).flatMap { text($0, path: join(path, key)) }
    }

    mutating func text(_ node: JSONNode, path: String) -> String? {
        guard case .string(let value) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.textDoubleQuotes"))
            return nil
        }
        let trimmed = TargetPlanLoader.normalizedName(value)
        guard !trimmed.isEmpty else {
            report(.error, node, path, "load.fieldEmptyFill")
            return nil
        }
        return trimmed
    }

    private mutating func flag(_ node: JSONNode, path: String) -> Bool? {
        guard case .bool(let value) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.trueFalseWithoutQuotes"))
            return nil
        }
        return value
    }

    private mutating func slug(_ node: JSONNode, path: String) -> String? {
        guard let value = text(node, path: path) else { return nil }
        guard VietnameseText.isValidSlug(value) else {
            report(.error, node, path, "load.idNotValidUse", ["value": "\(value)", "slug": "\(VietnameseText.slug(value))"])
            return nil
        }
        return value
    }

    private mutating func readDate(_ node: JSONNode, path: String) -> SimpleDate? {
        guard case .string(let value) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.dateStringYyyyMm"))
            return nil
        }
        guard let date = SimpleDate(iso: value) else {
            report(.error, node, path, "load.notRealDayForm", ["value": "\(value)"])
            return nil
        }
        return date
    }

    private mutating func readCount(_ node: JSONNode, path: String, expected: LocalizedText? = nil) -> Int? {
        switch node.value {
        case .integer(let value) where value > Self.maximumCount:
            reportTooLarge(node, path: path)
        case .integer(let value) where value >= 0:
            return value
        case .integer(let value):
            report(.error, node, path, "load.numberNegativeCountsMore", ["value": "\(value)"])
        case .number(let value) where value.rounded() == value && value > Double(Self.maximumCount):
            reportTooLarge(node, path: path)
        case .number(let value):
            report(.error, node, path, "load.numberNotWholeNumber", ["value": "\(value)"])
        default:
            reportType(node, path: path, expected: expected ?? LocalizedText("load.wholeNumberEG"))
        }
        return nil
    }

    /// Far above any real plan; keeps sums of hostile numbers from overflowing.
    static let maximumCount = 10_000_000

    private mutating func reportTooLarge(_ node: JSONNode, path: String) {
        report(.error, node, path, "load.numberTooLargeMost", ["maximumCount": "\(Self.maximumCount)"])
    }

    // MARK: Structure

    private mutating func object(_ node: JSONNode, path: String, keys allowed: [String]) -> ObjectFields? {
        guard case .object(let members) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.object2"))
            return nil
        }
        var fields = ObjectFields(node: node)
        for member in members {
            let memberPath = join(path, member.key)
            let keyLocation = SourceLocation(file: file, line: member.keyLine, column: member.keyColumn, jsonPath: memberPath)
            if fields.members[member.key] != nil {
                diagnostics.append(.error(keyLocation, "load.fieldWrittenTwiceKeep", ["memberKey": "\(member.key)"]))
            } else if !allowed.contains(member.key) {
                diagnostics.append(.warning(keyLocation, "load.fieldNotUsed", ["field": "\(member.key)", "known": "\(allowed.joined(separator: ", "))"]))
            } else {
                fields.members[member.key] = member.value
            }
        }
        return fields
    }

    private mutating func array(_ node: JSONNode, path: String) -> [JSONNode] {
        guard case .array(let elements) = node.value else {
            reportType(node, path: path, expected: LocalizedText("load.list2"))
            return []
        }
        return elements
    }

    mutating func reportMissing(_ key: String, in node: JSONNode, path: String) {
        report(.error, node, join(path, key), "load.requiredFieldMissingAdd", ["key": "\(key)"])
    }

    private mutating func reportType(_ node: JSONNode, path: String, expected: LocalizedText) {
        report(.error, node, path, "load.expectedButFound", ["expected": .message(expected), "kindName": .message(node.value.kindName)])
    }

    private mutating func report(_ severity: Severity, _ node: JSONNode, _ path: String, _ key: String,
                                 _ arguments: [String: MessageArgument] = [:]) {
        diagnostics.append(Diagnostic(severity, location(node, path), LocalizedText(key, arguments)))
    }

    private func location(_ node: JSONNode, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, jsonPath: path.isEmpty ? nil : path)
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// The known members of one object, first occurrence of each key.
struct ObjectFields {
    let node: JSONNode
    var members: [String: JSONNode] = [:]

    subscript(key: String) -> JSONNode? { members[key] }

    func required(_ key: String, path: String, decoder: inout TargetPlanDecoder) -> JSONNode? {
        guard let value = members[key] else {
            decoder.reportMissing(key, in: node, path: path)
            return nil
        }
        return value
    }
}
