import NhipCauCore

/// What a file's first bytes say it is, whatever its name says.
enum SourceFormat: String, Sendable {
    case jpeg = "JPEG", png = "PNG", webp = "WebP", gif = "GIF", heif = "HEIC/HEIF"

    /// The format a name's extension promises; nil when the name is not a raster image's.
    static func named(_ path: String) -> SourceFormat? {
        switch path.split(separator: ".").last?.lowercased() {
        case "jpg", "jpeg": .jpeg
        case "png": .png
        case "webp": .webp
        case "gif": .gif
        case "heic", "heif": .heif
        default: nil
        }
    }

    static let heifBrands: Set<String> = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]

    /// From the magic numbers; nil for anything this tool does not publish as an image.
    static func sniff(_ bytes: [UInt8]) -> SourceFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("ftyp".utf8), at: 4), bytes.count >= 12,
           let brand = String(validating: bytes[8..<12], as: UTF8.self), heifBrands.contains(brand) {
            return .heif
        }
        return nil
    }

    /// Plain words for what a file that is no image holds, for the error.
    static func describeOther(_ bytes: [UInt8]) -> LocalizedText {
        let head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
        if bytes.isEmpty { return LocalizedText("media.emptyFile") }
        if head.hasPrefix("%pdf") { return LocalizedText("media.pdfFile") }
        if head.contains("<html") || head.contains("<!doctype") {
            return LocalizedText("media.webPageHtmlPerhaps")
        }
        if head.contains("<svg") { return LocalizedText("media.svgImage") }
        if bytes.prefix(12).count == 12, String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp" {
            return LocalizedText("media.videoImageFormatNot")
        }
        return LocalizedText("media.dataNotImage")
    }

    /// What variants are written in besides WebP: JPEG for photos, PNG for drawings and anything
    /// transparent (a JPEG cannot be).
    func fallback(hasAlpha: Bool) -> EncodedFormat {
        switch self {
        case .png, .gif: .png
        case .jpeg, .heif: .jpeg
        case .webp: hasAlpha ? .png : .jpeg
        }
    }

    /// The format a kept original (`keep_originals`) is written in; nil when browsers show none
    /// (HEIC) or it would lose its animation (GIF).
    var keptFormat: EncodedFormat? {
        switch self {
        case .jpeg: .jpeg
        case .png: .png
        case .webp: .webp
        case .gif, .heif: nil
        }
    }
}
