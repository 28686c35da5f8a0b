import NhipCauCore
import Yams

/// `content/site.yml`: the site's name, language, contact and a few switches.
enum SiteConfigLoader {
    static let file = "site.yml"
    static let keys = ["title", "organization", "description", "language", "base_url", "contact", "max_file_size_mb", "allow_raw_html", "share_image", "share_image_alt", "max_image_pixels", "keep_originals"]
    static let contactKeys = ["hotline", "email", "address"]

    static func load(from content: any ContentReading, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard content.fileExists(file) else {
            diagnostics.append(.error(SourceLocation(file: file),
                vi: "Không có tệp site.yml trong thư mục nội dung. Tạo tệp với ít nhất một dòng `title: Tên cổng thông tin` (hoặc chạy `nhipcau init`).",
                en: "There is no site.yml in the content folder. Create it with at least a line `title: Portal name` (or run `nhipcau init`)."))
            return nil
        }
        let reader = DocumentReader(content: content, maxBytes: SiteConfig.defaultMaxFileBytes)
        let parsed = reader.readText(file).flatMap { FrontMatter.parse($0, file: file, firstLine: 1) }
        guard case .success(var fields) = parsed else {
            if case .failure(let problem) = parsed { diagnostics.append(problem) }
            return nil
        }
        let title = fields.text("title", required: true, example: "Cổng thông tin đưa người lao động đi làm việc ở nước ngoài")
        let language = readLanguage(&fields)
        let baseURL = readBaseURL(&fields)
        let maxMB = readMaxFileSize(&fields)
        var config = SiteConfig(
            title: title ?? "", organization: fields.text("organization"), description: fields.text("description"),
            language: language, baseURL: baseURL, contact: readContact(&fields),
            maxFileBytes: maxMB.map { $0 * 1024 * 1024 } ?? SiteConfig.defaultMaxFileBytes,
            allowRawHTML: fields.bool("allow_raw_html"), shareImage: readShareImage(&fields),
            shareImageAlt: fields.text("share_image_alt", example: "Logo của cổng thông tin"))
        config.maxImagePixels = readMaxImagePixels(&fields) ?? SiteConfig.defaultMaxImagePixels
        config.keepOriginals = fields.bool("keep_originals")
        fields.warnUnknownKeys(allowed: keys)
        diagnostics.append(contentsOf: fields.diagnostics)
        return title == nil ? nil : config
    }

    static let maxFileSizeRange = 1...1024

    /// Megabytes, 1 to 1024: zero or less would refuse every file, more than a gigabyte is a typo.
    private static func readMaxFileSize(_ fields: inout FrontMatter) -> Int? {
        guard let megabytes = fields.integer("max_file_size_mb", example: "10") else { return nil }
        guard maxFileSizeRange.contains(megabytes) else {
            fields.appendError(at: fields.location(of: "max_file_size_mb"),
                vi: "`max_file_size_mb: \(megabytes)` phải là số MB từ \(maxFileSizeRange.lowerBound) đến \(maxFileSizeRange.upperBound), ví dụ `max_file_size_mb: 10` (mặc định 10). Sửa số này, hoặc xóa dòng để dùng mặc định.",
                en: "`max_file_size_mb: \(megabytes)` must be a number of MB from \(maxFileSizeRange.lowerBound) to \(maxFileSizeRange.upperBound), for example `max_file_size_mb: 10` (the default). Change the number, or delete the line to use the default.")
            return nil
        }
        return megabytes
    }

    static let maxImagePixelsRange = 1_000_000...500_000_000

    /// Pixels, from one to 500 million: more would let one picture take gigabytes of memory.
    private static func readMaxImagePixels(_ fields: inout FrontMatter) -> Int? {
        guard let pixels = fields.integer("max_image_pixels", example: "50000000") else { return nil }
        guard maxImagePixelsRange.contains(pixels) else {
            fields.appendError(at: fields.location(of: "max_image_pixels"),
                vi: "`max_image_pixels: \(pixels)` phải là số điểm ảnh từ 1000000 (1 triệu) đến 500000000, ví dụ `max_image_pixels: 50000000` (mặc định, 50 triệu). Sửa số này, hoặc xóa dòng để dùng mặc định.",
                en: "`max_image_pixels: \(pixels)` must be a number of pixels from 1000000 (1 million) to 500000000, for example `max_image_pixels: 50000000` (the default, 50 million). Change the number, or delete the line to use the default.")
            return nil
        }
        return pixels
    }

    private static func readLanguage(_ fields: inout FrontMatter) -> Language {
        guard let code = fields.text("language", example: "vi") else { return .vi }
        guard let language = Language(rawValue: code.lowercased()) else {
            fields.appendError(at: fields.location(of: "language"),
                vi: "Ngôn ngữ `\(code)` chưa được hỗ trợ. Dùng `vi` (tiếng Việt) hoặc `en` (tiếng Anh).",
                en: "The language `\(code)` is not supported. Use `vi` (Vietnamese) or `en` (English).")
            return .vi
        }
        return language
    }

    private static func readBaseURL(_ fields: inout FrontMatter) -> String? {
        guard let url = fields.text("base_url", example: "https://xkld.ninhthuan.gov.vn/") else { return nil }
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(" ") else {
            fields.appendError(at: fields.location(of: "base_url"),
                vi: "`base_url` phải là địa chỉ đầy đủ bắt đầu bằng https://, ví dụ `base_url: https://xkld.ninhthuan.gov.vn/`.",
                en: "`base_url` must be a full address starting with https://, for example `base_url: https://portal.example.gov.vn/`.")
            return nil
        }
        return url.hasSuffix("/") ? url : url + "/"
    }

    private static func readShareImage(_ fields: inout FrontMatter) -> Located<String>? {
        guard let path = fields.text("share_image", example: "media/chia-se.png") else { return nil }
        guard SiteConfig.isCardImage(path) else {
            fields.appendError(at: fields.location(of: "share_image"),
                vi: "Ảnh chia sẻ `\(path)` phải là ảnh PNG, JPEG hoặc WebP (Facebook, Zalo không hiện ảnh SVG trong thẻ xem trước). Lưu ảnh thành .png hoặc .jpg, cỡ 1200×630, ví dụ `share_image: media/chia-se.png`.",
                en: "The sharing image `\(path)` must be a PNG, JPEG or WebP (Facebook and Zalo do not show SVG in previews). Save it as .png or .jpg, 1200×630, e.g. `share_image: media/share.png`.")
            return nil
        }
        return fields.located("share_image", path)
    }

    private static func readContact(_ fields: inout FrontMatter) -> Contact {
        guard var contact = fields.mapping("contact") else { return Contact(hotline: nil, email: nil, address: nil) }
        let result = Contact(hotline: contact.text("hotline"), email: contact.text("email"), address: contact.text("address"))
        contact.warnUnknownKeys(allowed: contactKeys)
        fields.appendDiagnostics(contact.diagnostics)
        return result
    }
}
