import NhipCauCore

/// Front matter → model, one parser per kind. Each lists the keys it knows so typos are caught.
enum StoryParser {
    static let keys = ["title", "date", "summary", "person", "market", "area", "tags", "image", "image_alt", "author", "draft", "updated"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Story? {
        let title = fields.text("title", required: true, example: "Chị Lan và ba năm ở Nhật Bản")
        let date = fields.date("date", required: true)
        let image = fields.text("image", example: "media/stories/anh.jpg")
        let imageAlt = fields.text("image_alt", example: "Chị Lan tại xưởng may")
        if image != nil && imageAlt == nil {
            fields.appendWarning(at: fields.location(of: "image"),
                vi: "Ảnh chưa có mô tả cho người khiếm thị. Thêm `image_alt: …` mô tả điều ảnh cho thấy.",
                en: "The image has no description for blind readers. Add `image_alt: …` saying what the image shows.")
        }
        let story = Story(
            document: document, title: title ?? "", date: date ?? .epoch,
            summary: fields.text("summary"), person: fields.text("person"),
            market: fields.located("market", fields.text("market", example: "nhat-ban")),
            area: fields.located("area", fields.text("area", example: "ninh-son")),
            tags: fields.textList("tags", example: "[Nhật Bản, điều dưỡng]"),
            image: fields.located("image", image), imageAlt: imageAlt,
            author: fields.text("author"), draft: fields.bool("draft"))
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || date == nil ? nil : story
    }
}

enum MarketParser {
    static let keys = ["title", "country", "summary", "income_vnd", "cost_vnd", "contract", "sectors", "requirements", "updated"]

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
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || country == nil ? nil : market
    }
}

enum PolicyParser {
    static let keys = ["title", "number", "issuer", "issued", "effective", "expires", "replaced_by", "summary", "updated"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Policy? {
        let title = fields.text("title", required: true, example: "Nghị định về chính sách hỗ trợ tạo việc làm")
        let number = fields.text("number", required: true, example: "61/2015/NĐ-CP")
        let issuer = fields.text("issuer", required: true, example: "Chính phủ")
        let issued = fields.date("issued", required: true)
        let effective = fields.date("effective")
        let expires = fields.date("expires")
        if let effective, let expires, expires < effective {
            fields.appendError(at: fields.location(of: "expires"),
                vi: "Ngày hết hiệu lực (\(expires.dayMonthYear)) đứng trước ngày có hiệu lực (\(effective.dayMonthYear)). Kiểm tra lại hai ngày này.",
                en: "The expiry date (\(expires.iso)) is before the effective date (\(effective.iso)). Check both dates.")
        }
        let policy = Policy(
            document: document, title: title ?? "", number: number ?? "", issuer: issuer ?? "",
            issued: issued ?? .epoch, effective: effective, expires: expires,
            replacedBy: fields.located("replaced_by", fields.text("replaced_by", example: "luat-69-2020")),
            summary: fields.text("summary"))
        fields.warnUnknownKeys(allowed: keys)
        return [title, number, issuer].contains(nil) || issued == nil ? nil : policy
    }
}

enum PageParser {
    static let keys = ["title", "summary", "menu", "updated"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Page? {
        let title = fields.text("title", required: true, example: "Hỏi đáp")
        let page = Page(document: document, title: title ?? "", summary: fields.text("summary"),
                        menu: fields.integer("menu", example: "2"))
        fields.warnUnknownKeys(allowed: keys)
        return title == nil ? nil : page
    }
}

extension FrontMatter {
    mutating func appendWarning(at location: SourceLocation, vi: String, en: String) {
        appendDiagnostic(.warning(location, vi: vi, en: en))
    }

    mutating func appendError(at location: SourceLocation, vi: String, en: String) {
        appendDiagnostic(.error(location, vi: vi, en: en))
    }
}

extension SimpleDate {
    /// Placeholder for a model that is dropped because its required date was missing.
    static let epoch = SimpleDate(year: 1970, month: 1, day: 1)!
}
