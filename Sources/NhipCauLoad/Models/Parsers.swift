import NhipCauCore

/// Front matter → model, one parser per kind. Each lists the keys it knows so typos are caught.
enum StoryParser {
    static let keys = ["title", "date", "summary", "person", "market", "area", "tags", "image", "image_alt", "author", "draft", "sample", "updated"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Story? {
        let title = fields.text("title", required: true, example: "Chị Lan và ba năm ở Nhật Bản")
        let date = fields.date("date", required: true)
        let image = fields.text("image", example: "media/stories/anh.jpg")
        let imageAlt = fields.text("image_alt", example: "Chị Lan tại xưởng may")
        if image != nil && imageAlt == nil {
            fields.appendWarning(at: fields.location(of: "image"), "load.imageNoDescriptionBlind")
        }
        let story = Story(
            document: document, title: title ?? "", date: date ?? .epoch,
            summary: fields.text("summary"), person: fields.text("person"),
            market: fields.located("market", fields.text("market", example: "nhat-ban")),
            area: fields.located("area", fields.text("area", example: "ninh-son")),
            tags: distinctTags(&fields),
            image: fields.located("image", image), imageAlt: imageAlt,
            author: fields.text("author"), draft: fields.bool("draft"), sample: fields.bool("sample"))
        if let date { fields.checkUpdated(document, notBefore: date, named: "date") }
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || date == nil ? nil : story
    }
}

extension StoryParser {
    /// Tags that give one address (`Hòa Bình`, `Hoà Bình`) are one topic: the first spelling is kept.
    /// A tag with no letter or digit (`🎉`) cannot have a page and is dropped, with a warning.
    static func distinctTags(_ fields: inout FrontMatter) -> [(name: String, slug: String)] {
        var tags: [(name: String, slug: String)] = []
        for tag in fields.textList("tags", example: "[Nhật Bản, điều dưỡng]") {
            let slug = VietnameseText.slug(tag)
            guard !slug.isEmpty else {
                fields.appendWarning(at: fields.location(of: "tags"), "load.tagNoLetterDigit", ["tag": "\(tag)"])
                continue
            }
            if !tags.contains(where: { $0.slug == slug }) { tags.append((tag, slug)) }
        }
        return tags
    }
}

enum MarketParser {
    static let keys = ["title", "country", "summary", "income_vnd", "cost_vnd", "contract", "sectors", "requirements", "updated", "draft",
                       "service_fee_cap_months", "service_fee_cap_max_months", "service_fee_basis", "country_code"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Market? {
        let title = fields.text("title", required: true, example: "Nhật Bản")
        let country = fields.text("country", required: true, example: "Nhật Bản")
        var market = Market(
            document: document, title: title ?? "", country: country ?? "",
            summary: fields.text("summary"),
            incomeVND: fields.integerRange("income_vnd", example: "[28000000, 35000000]"),
            costVND: fields.integer("cost_vnd", example: "90000000"),
            contract: fields.text("contract", example: "3 năm"),
            sectors: fields.textList("sectors", example: "[Cơ khí, Nông nghiệp]"),
            requirements: fields.text("requirements"))
        market.serviceFeeCap = serviceFeeCap(&fields)
        market.countryCode = countryCode(&fields)
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || country == nil ? nil : market
    }
}

extension MarketParser {
    /// The service fee cap a market declares; the maximum alone, without the rate, is an error.
    static func serviceFeeCap(_ fields: inout FrontMatter) -> ServiceFeeCap? {
        let perYear = fields.decimal("service_fee_cap_months", example: "1")
        let maximum = fields.decimal("service_fee_cap_max_months", example: "3")
        let basis = fields.text("service_fee_basis", example: "Luật 69/2020/QH14, Điều 23 khoản 4")
        guard let perYear else {
            if maximum != nil {
                fields.appendError(at: fields.location(of: "service_fee_cap_max_months"), "load.feeCapMaxWithoutRate")
            }
            return nil
        }
        return ServiceFeeCap(monthsPer12: perYear, maxMonths: maximum, basis: basis)
    }

    /// `country_code: JP`: two capital letters (ISO 3166-1 alpha-2).
    static func countryCode(_ fields: inout FrontMatter) -> String? {
        guard let code = fields.text("country_code", example: "JP") else { return nil }
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            fields.appendError(at: fields.location(of: "country_code"), "load.countryCodeTwoLetters", ["code": "\(code)"])
            return nil
        }
        return code
    }
}

enum PolicyParser {
    static let keys = ["title", "number", "issuer", "issued", "effective", "expires", "replaced_by", "summary", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Policy? {
        let title = fields.text("title", required: true, example: "Nghị định về chính sách hỗ trợ tạo việc làm")
        let number = fields.text("number", required: true, example: "61/2015/NĐ-CP")
        let issuer = fields.text("issuer", required: true, example: "Chính phủ")
        let issued = fields.date("issued", required: true)
        let effective = fields.date("effective")
        let expires = fields.date("expires")
        if let effective, let expires, expires < effective {
            fields.appendError(at: fields.location(of: "expires"), "load.expiryDateBeforeEffective", ["expires": .date(expires), "effective": .date(effective)])
        }
        let policy = Policy(
            document: document, title: title ?? "", number: number ?? "", issuer: issuer ?? "",
            issued: issued ?? .epoch, effective: effective, expires: expires,
            replacedBy: fields.located("replaced_by", fields.text("replaced_by", example: "luat-69-2020")),
            summary: fields.text("summary"))
        if let issued { fields.checkUpdated(document, notBefore: issued, named: "issued") }
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return [title, number, issuer].contains(nil) || issued == nil ? nil : policy
    }
}

enum PageParser {
    static let keys = ["title", "summary", "menu", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Page? {
        let title = fields.text("title", required: true, example: "Hỏi đáp")
        let page = Page(document: document, title: title ?? "", summary: fields.text("summary"),
                        menu: fields.integer("menu", example: "2"))
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil ? nil : page
    }
}

enum NoticeParser {
    static let keys = ["title", "date", "expires", "areas", "markets", "summary", "sample", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Notice? {
        let title = fields.text("title", required: true, example: "Lịch tư vấn tháng 12")
        let date = fields.date("date", required: true)
        let expires = fields.date("expires")
        if let date, let expires, expires < date {
            fields.appendError(at: fields.location(of: "expires"), "load.expiryDateBeforeDate", ["expires": .date(expires), "date": .date(date)])
        }
        let notice = Notice(
            document: document, title: title ?? "", date: date ?? .epoch, expires: expires,
            areas: fields.locatedList("areas", example: "[ninh-son, bac-ai]"),
            markets: fields.locatedList("markets", example: "[nhat-ban, han-quoc]"),
            summary: fields.text("summary"), sample: fields.bool("sample"))
        if let date { fields.checkUpdated(document, notBefore: date, named: "date") }
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || date == nil ? nil : notice
    }
}

enum JobParser {
    static let keys = ["title", "date", "enterprise", "market", "occupation", "positions", "apply_by", "salary_vnd", "salary_note",
                       "contract", "contract_months", "costs", "deposit_vnd", "requirements", "areas", "approval", "summary",
                       "sample", "updated", "draft"]
    static let costKeys = ["item", "vnd", "note", "kind"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Job? {
        let title = fields.text("title", required: true, example: "Tuyển 20 thực tập sinh chế biến thực phẩm")
        let date = fields.date("date", required: true)
        let enterprise = fields.located("enterprise", fields.text("enterprise", required: true, example: "cung-ung-mau-a"))
        let market = fields.located("market", fields.text("market", required: true, example: "nhat-ban"))
        let occupation = fields.text("occupation", required: true, example: "Chế biến thực phẩm")
        let positions = positiveCount(&fields, "positions")
        let applyBy = fields.date("apply_by", required: true)
        if let date, let applyBy, applyBy < date {
            fields.appendError(at: fields.location(of: "apply_by"), "load.jobApplyByBeforeDate", ["applyBy": .date(applyBy), "date": .date(date)])
        }
        let contractMonths = fields.integer("contract_months", example: "36")
        if let months = contractMonths, months < 1 {
            fields.appendError(at: fields.location(of: "contract_months"), "load.jobContractMonthsNotPositive", ["value": "\(months)"])
        }
        let deposit = fields.integer("deposit_vnd", example: "30000000")
        let job = Job(
            document: document, title: title ?? "", date: date ?? .epoch,
            enterprise: enterprise ?? Located("", at: fields.location(of: "enterprise")),
            market: market ?? Located("", at: fields.location(of: "market")),
            occupation: occupation ?? "", positions: positions ?? 1, applyBy: applyBy ?? .epoch,
            salaryVND: salary(&fields), salaryNote: fields.text("salary_note"),
            contract: fields.text("contract", example: "3 năm"), contractMonths: contractMonths,
            costs: costs(&fields), depositVND: deposit,
            requirements: fields.text("requirements"),
            areas: fields.locatedList("areas", example: "[ninh-son, bac-ai]"),
            approval: approval(&fields), summary: fields.text("summary"), sample: fields.bool("sample"),
            dateLocation: fields.location(of: "date"))
        if let date { fields.checkUpdated(document, notBefore: date, named: "date") }
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        let complete = title != nil && date != nil && enterprise != nil && market != nil && occupation != nil
            && positions != nil && applyBy != nil
        return complete ? job : nil
    }

    /// `positions: 20`: one or more.
    private static func positiveCount(_ fields: inout FrontMatter, _ key: String) -> Int? {
        if let raw = fields.rawScalar(key), Int(raw) == nil {
            fields.appendError(at: fields.location(of: key), "load.jobPositionsNotPositive", ["value": "\(raw)"])
            return nil
        }
        guard let count = fields.integer(key, required: true, example: "20") else { return nil }
        guard count >= 1 else {
            fields.appendError(at: fields.location(of: key), "load.jobPositionsNotPositive", ["value": "\(count)"])
            return nil
        }
        return count
    }

    /// `salary_vnd: [min, max]`, monthly; the lowest above the highest is its own error.
    private static func salary(_ fields: inout FrontMatter) -> ClosedRange<Int>? {
        if let (low, high) = fields.integerPair("salary_vnd"), low > high, low >= 0 {
            fields.appendError(at: fields.location(of: "salary_vnd"), "load.jobSalaryMinAboveMax", ["min": .integer(low), "max": .integer(high)])
            return nil
        }
        return fields.integerRange("salary_vnd", example: "[28000000, 35000000]")
    }

    private static func costs(_ fields: inout FrontMatter) -> [JobCost] {
        let items = fields.mappingList("costs", example: "\n  - item: \"Tiền dịch vụ\"\n    vnd: 30000000\n    kind: service_fee")
        var costs: [JobCost] = []
        for (index, var item) in items.enumerated() {
            let path = "costs[\(index)]"
            let name = item.text("item", required: true, example: "Tiền dịch vụ")
            let vnd = wholeDong(&item, path: path + ".vnd")
            let kind = item.text("kind", example: "service_fee")
            if let kind, kind != "service_fee" {
                item.appendError(at: item.location(of: "kind"), "load.jobCostUnknownKind", ["path": "\(path).kind", "kind": "\(kind)"])
            }
            let note = item.text("note")
            item.warnUnknownKeys(allowed: costKeys)
            fields.appendDiagnostics(item.diagnostics)
            guard let name, let vnd else { continue }
            costs.append(JobCost(item: name, vnd: vnd, note: note, isServiceFee: kind == "service_fee",
                                 location: item.location(of: "vnd"), keyPath: path + ".vnd"))
        }
        return costs
    }

    /// `vnd: 30000000`: a whole number of đồng, 0 or more, without separators.
    private static func wholeDong(_ item: inout FrontMatter, path: String) -> Int? {
        guard let raw = item.rawScalar("vnd") else {
            _ = item.text("vnd", required: true, example: "30000000")
            return nil
        }
        guard let number = Int(raw), number >= 0 else {
            item.appendError(at: item.location(of: "vnd"), "load.jobCostNotWholeDong", ["path": "\(path)", "raw": "\(raw)"])
            return nil
        }
        return number
    }

    private static func approval(_ fields: inout FrontMatter) -> JobApproval? {
        guard var approval = fields.mapping("approval") else { return nil }
        let number = approval.text("number", required: true, example: "123/QLLĐNN-ĐH")
        let date = approval.date("date")
        approval.warnUnknownKeys(allowed: ["number", "date"])
        fields.appendDiagnostics(approval.diagnostics)
        return number.map { JobApproval(number: $0, date: date) }
    }
}

extension FrontMatter {
    /// A list of names, each with the place of its key (the list is checked against the site as a whole).
    mutating func locatedList(_ key: String, example: String) -> [Located<String>] {
        let location = location(of: key)
        return textList(key, example: example).map { Located($0, at: location) }
    }

    /// `updated:` before the day the page was first dated is a typo (a feed would show the older day).
    mutating func checkUpdated(_ document: ContentDocument, notBefore first: SimpleDate, named key: String) {
        guard let updated = document.updated, updated < first else { return }
        appendError(at: location(of: "updated"), "load.updatedBeforeUpdateLast", ["updated": "\(updated.iso)", "key": "\(key)", "first": "\(first.iso)"])
    }

    /// Only stories have drafts: a market, policy or page is published as soon as it is in `content/`.
    mutating func refuseDraft(kind: ContentKind) {
        guard bool("draft") else { return }
        appendError(at: location(of: "draft"), "load.onlyStoriesStoriesDrafts", ["folder": "\(kind.folder)"])
    }

    mutating func appendWarning(at location: SourceLocation, _ key: String, _ arguments: [String: MessageArgument] = [:]) {
        appendDiagnostic(.warning(location, key, arguments))
    }

    mutating func appendError(at location: SourceLocation, _ key: String, _ arguments: [String: MessageArgument] = [:]) {
        appendDiagnostic(.error(location, key, arguments))
    }
}

extension SimpleDate {
    /// Placeholder for a model that is dropped because its required date was missing.
    static let epoch = SimpleDate(year: 1970, month: 1, day: 1)!
}

enum EventParser {
    static let keys = ["title", "start", "end", "place", "kind", "address", "area", "organiser", "enterprise", "markets",
                       "register", "cost", "summary", "sample", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Event? {
        let title = fields.text("title", required: true, example: "Hội nghị tư vấn xuất khẩu lao động")
        let start = fields.eventTime("start", required: true)
        let end = fields.eventTime("end")
        let place = fields.text("place", required: true, example: "Hội trường UBND huyện Ninh Sơn")
        if let start, let end, end.instant(asEnd: true) < start.instant(asEnd: false) {
            fields.appendError(at: fields.location(of: "end"), "load.eventEndBeforeStart",
                               ["end": "\(fields.text("end") ?? "")", "start": "\(fields.text("start") ?? "")"])
        }
        let event = Event(
            document: document, title: title ?? "", start: start ?? EventTime(day: .epoch), end: end, place: place ?? "",
            kind: fields.eventKind(), address: fields.text("address"),
            area: fields.located("area", fields.text("area", example: "ninh-son")),
            organiser: fields.text("organiser"),
            enterprise: fields.located("enterprise", fields.text("enterprise", example: "cong-ty-mau")),
            markets: fields.locatedList("markets", example: "[nhat-ban, han-quoc]"),
            register: fields.text("register"), cost: fields.text("cost"),
            summary: fields.text("summary"), sample: fields.bool("sample"))
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || start == nil || place == nil ? nil : event
    }
}

extension FrontMatter {
    /// `start:` or `end:` of an event: a day, or a day and a time.
    mutating func eventTime(_ key: String, required: Bool = false) -> EventTime? {
        guard let raw = text(key, required: required, example: "2026-12-20 08:00") else { return nil }
        guard let time = EventTime(parsing: raw) else {
            appendError(at: location(of: key), "load.eventTimeNotReadable", ["key": "\(key)", "raw": "\(raw)", "forms": "\(EventTime.acceptedForms)"])
            return nil
        }
        return time
    }

    mutating func eventKind() -> EventKind? {
        guard let raw = text("kind", example: "tu-van") else { return nil }
        guard let kind = EventKind(rawValue: raw) else {
            appendError(at: location(of: "kind"), "load.eventKindUnknown",
                        ["kind": "\(raw)", "list": "\(EventKind.allCases.map(\.rawValue).joined(separator: ", "))"])
            return nil
        }
        return kind
    }
}
