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
    static func distinctTags(_ fields: inout FrontMatter) -> [String] {
        var seen: Set<String> = []
        var tags: [String] = []
        for tag in fields.textList("tags", example: "[Nhật Bản, điều dưỡng]") {
            let slug = VietnameseText.slug(tag)
            guard !slug.isEmpty else {
                fields.appendWarning(at: fields.location(of: "tags"), "load.tagNoLetterDigit", ["tag": "\(tag)"])
                continue
            }
            if seen.insert(slug).inserted { tags.append(tag) }
        }
        return tags
    }
}

enum MarketParser {
    static let keys = ["title", "country", "summary", "income_vnd", "cost_vnd", "contract", "sectors", "requirements", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Market? {
        let title = fields.text("title", required: true, example: "Nhật Bản")
        let country = fields.text("country", required: true, example: "Nhật Bản")
        let market = Market(
            document: document, title: title ?? "", country: country ?? "",
            summary: fields.text("summary"),
            incomeVND: fields.integerRange("income_vnd", example: "[28000000, 35000000]"),
            costVND: fields.integer("cost_vnd", example: "90000000"),
            contract: fields.text("contract", example: "3 năm"),
            sectors: fields.textList("sectors", example: "[Cơ khí, Nông nghiệp]"),
            requirements: fields.text("requirements"))
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || country == nil ? nil : market
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
