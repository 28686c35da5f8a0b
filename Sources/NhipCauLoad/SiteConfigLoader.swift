import NhipCauCore

/// `content/site.yml`: the site's name, language, contact and a few switches.
enum SiteConfigLoader {
    static let file = "site.yml"
    static let keys = ["title", "organization", "description", "language", "base_url", "contact", "max_file_size_mb", "allow_raw_html", "share_image", "share_image_alt", "max_image_pixels", "keep_originals", "home", "data_license", "data_license_url"]
    static let contactKeys = ["hotline", "email", "address"]
    static let homeKeys = ["featured_plan", "tasks"]
    static let taskKeys = ["label", "link"]

    static func load(from content: any ContentReading, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard content.fileExists(file) else {
            diagnostics.append(.error(SourceLocation(file: file), "load.noSiteYmlContent"))
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
            language: language, languageLine: fields.location(of: "language").line, baseURL: baseURL, contact: readContact(&fields),
            maxFileBytes: maxMB.map { $0 * 1024 * 1024 } ?? SiteConfig.defaultMaxFileBytes,
            allowRawHTML: fields.bool("allow_raw_html"), shareImage: readShareImage(&fields),
            shareImageAlt: fields.text("share_image_alt", example: "Logo của cổng thông tin"))
        config.maxImagePixels = readMaxImagePixels(&fields) ?? SiteConfig.defaultMaxImagePixels
        config.keepOriginals = fields.bool("keep_originals")
        config.home = readHome(&fields)
        config.dataLicense = fields.text("data_license", example: "CC-BY-4.0").map { name in
            DataLicense(name: name, url: fields.text("data_license_url", example: "https://creativecommons.org/licenses/by/4.0/"))
        }
        fields.warnUnknownKeys(allowed: keys)
        diagnostics.append(contentsOf: fields.diagnostics)
        return title == nil ? nil : config
    }

    static let maxFileSizeRange = 1...1024

    /// Megabytes, 1 to 1024: zero or less would refuse every file, more than a gigabyte is a typo.
    private static func readMaxFileSize(_ fields: inout FrontMatter) -> Int? {
        guard let megabytes = fields.integer("max_file_size_mb", example: "10") else { return nil }
        guard maxFileSizeRange.contains(megabytes) else {
            fields.appendError(at: fields.location(of: "max_file_size_mb"), "load.maxFileSizeMb", ["megabytes": "\(megabytes)", "lowerBound": "\(maxFileSizeRange.lowerBound)", "upperBound": "\(maxFileSizeRange.upperBound)"])
            return nil
        }
        return megabytes
    }

    static let maxImagePixelsRange = 1_000_000...500_000_000

    /// Pixels, from one to 500 million: more would let one picture take gigabytes of memory.
    private static func readMaxImagePixels(_ fields: inout FrontMatter) -> Int? {
        guard let pixels = fields.integer("max_image_pixels", example: "50000000") else { return nil }
        guard maxImagePixelsRange.contains(pixels) else {
            fields.appendError(at: fields.location(of: "max_image_pixels"), "load.maxImagePixelsNumber", ["pixels": "\(pixels)"])
            return nil
        }
        return pixels
    }

    private static func readLanguage(_ fields: inout FrontMatter) -> Language {
        guard let code = fields.text("language", example: "vi") else { return .vi }
        guard let language = Language(rawValue: code.lowercased()) else {
            fields.appendError(at: fields.location(of: "language"), "load.languageNotSupportedUse", ["code": "\(code)"])
            return .vi
        }
        return language
    }

    private static func readBaseURL(_ fields: inout FrontMatter) -> String? {
        guard let url = fields.text("base_url", example: "https://xkld.ninhthuan.gov.vn/") else { return nil }
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(" ") else {
            fields.appendError(at: fields.location(of: "base_url"), "load.baseUrlFullAddress")
            return nil
        }
        return url.hasSuffix("/") ? url : url + "/"
    }

    private static func readShareImage(_ fields: inout FrontMatter) -> Located<String>? {
        guard let path = fields.text("share_image", example: "media/chia-se.png") else { return nil }
        guard SiteConfig.isCardImage(path) else {
            fields.appendError(at: fields.location(of: "share_image"), "load.sharingImagePngJpeg", ["path": "\(path)"])
            return nil
        }
        return fields.located("share_image", path)
    }

    private static func readHome(_ fields: inout FrontMatter) -> HomeSettings {
        guard var home = fields.mapping("home") else { return HomeSettings() }
        let featured = home.located("featured_plan", home.text("featured_plan", example: "ninh-thuan-2021"))
        let items = home.mappingList("tasks", example: "\n    - label: \"Vay vốn\"\n      link: pages/vay-von.md")
        var tasks: [HomeTask] = []
        for var item in items {
            let label = item.text("label"), link = item.text("link")
            if let label, let link {
                tasks.append(HomeTask(label: label, link: item.located("link", link) ?? Located(link, at: item.startLocation)))
            } else {
                item.appendError(at: item.startLocation, "load.homeTaskLabelLink")
            }
            item.warnUnknownKeys(allowed: taskKeys)
            home.appendDiagnostics(item.diagnostics)
        }
        if items.count > HomeSettings.maxTasks {
            home.appendError(at: items[HomeSettings.maxTasks].startLocation, "load.homeTooManyTasks",
                             ["count": .integer(items.count), "max": .integer(HomeSettings.maxTasks)])
            tasks = Array(tasks.prefix(HomeSettings.maxTasks))
        }
        home.warnUnknownKeys(allowed: homeKeys)
        fields.appendDiagnostics(home.diagnostics)
        return HomeSettings(featuredPlan: featured, tasks: tasks)
    }

    private static func readContact(_ fields: inout FrontMatter) -> Contact {
        guard var contact = fields.mapping("contact") else { return Contact(hotline: nil, email: nil, address: nil) }
        let result = Contact(hotline: contact.text("hotline"), email: contact.text("email"), address: contact.text("address"))
        contact.warnUnknownKeys(allowed: contactKeys)
        fields.appendDiagnostics(contact.diagnostics)
        return result
    }
}
