import NhipCauCore

/// The settings every variant is made with; part of each cache key.
public struct ImageSettings: Sendable, Hashable {
    /// Widths in CSS pixels of the theme's layout: a phone (360), the text column at 1× and 2×, the
    /// story picture on a laptop. Never wider than the source.
    public var widths = [360, 720, 1080]
    public var webpQuality = 75
    public var jpegQuality = 80
    /// A kept original is re-encoded, at full size, with a little more care.
    public var originalQuality = 90
    public static let cardWidth = 1200
    public static let cardHeight = 630

    public init() {}

    var key: String { "w=\(widths.map(String.init).joined(separator: ",")) webp=\(webpQuality) jpeg=\(jpegQuality) orig=\(originalQuality)" }
}

/// A raster file's header, read without decoding a pixel.
struct SourceHeader: Equatable {
    let format: SourceFormat
    /// As shown, once turned by its EXIF orientation.
    let width: Int
    let height: Int
    let hasAlpha: Bool
}

/// One encoded file of a product, before it gets its published name.
struct EncodedImage: Sendable {
    /// `webp-360`, `fallback-360`, `card`, `original`: names the file inside a cache entry.
    let role: String
    let format: EncodedFormat
    let width: Int
    let height: Int
    let bytes: [UInt8]
}

/// What is made of a source: its responsive variants, its sharing card, its kept original.
enum ImageProduct: String, Sendable, CaseIterable {
    case variants, card, original
}

/// Decodes, turns, converts to sRGB and encodes without metadata, through libvips.
enum ImageProcessor {
    static func header(_ bytes: [UInt8], format: SourceFormat) -> SourceHeader? {
        guard Vips.isReady else { return nil }
        return bytes.withUnsafeBytes { buffer in
            guard let picture = VipsPicture.header(of: buffer) else { return nil }
            let turned = (5...8).contains(picture.orientation)
            return SourceHeader(format: format, width: turned ? picture.height : picture.width,
                                height: turned ? picture.width : picture.height, hasAlpha: picture.hasAlpha)
        }
    }

    /// Nil when libvips cannot decode the whole picture (damaged, truncated).
    static func make(_ product: ImageProduct, from bytes: [UInt8], header: SourceHeader,
                     settings: ImageSettings) -> [EncodedImage]? {
        bytes.withUnsafeBytes { buffer in
            switch product {
            case .variants: variants(buffer, header: header, settings: settings)
            case .card: card(buffer, settings: settings)
            case .original: original(buffer, header: header, settings: settings)
            }
        }
    }

    static func widths(for sourceWidth: Int, settings: ImageSettings) -> [Int] {
        let narrower = settings.widths.filter { $0 < sourceWidth }
        return sourceWidth <= (settings.widths.max() ?? 0) ? narrower + [sourceWidth] : narrower
    }

    /// One decode (shrink-on-load to the widest variant, held in memory), then each narrower
    /// width resized from that, each in WebP and the fallback format.
    private static func variants(_ buffer: UnsafeRawBufferPointer, header: SourceHeader, settings: ImageSettings) -> [EncodedImage]? {
        let widths = widths(for: header.width, settings: settings)
        guard let widest = widths.last,
              let decoded = VipsPicture.thumbnail(of: buffer, width: widest, height: maxCoordinate, crop: false)?.pixelsOnly()
        else { return nil }
        let fallback = header.format.fallback(hasAlpha: decoded.hasAlpha)
        var encoded: [EncodedImage] = []
        for width in widths {
            guard let picture = width == decoded.width ? decoded : decoded.resized(toWidth: width),
                  let webp = picture.encoded(.webp, quality: settings.webpQuality),
                  let other = picture.encoded(fallback, quality: settings.jpegQuality) else { return nil }
            encoded.append(EncodedImage(role: "webp-\(width)", format: .webp, width: picture.width, height: picture.height, bytes: webp))
            encoded.append(EncodedImage(role: "fallback-\(width)", format: fallback, width: picture.width, height: picture.height, bytes: other))
        }
        return encoded
    }

    private static func card(_ buffer: UnsafeRawBufferPointer, settings: ImageSettings) -> [EncodedImage]? {
        guard let picture = VipsPicture.thumbnail(of: buffer, width: ImageSettings.cardWidth, height: ImageSettings.cardHeight, crop: true)?.pixelsOnly(),
              let bytes = picture.encoded(.jpeg, quality: settings.jpegQuality) else { return nil }
        return [EncodedImage(role: "card", format: .jpeg, width: picture.width, height: picture.height, bytes: bytes)]
    }

    private static func original(_ buffer: UnsafeRawBufferPointer, header: SourceHeader, settings: ImageSettings) -> [EncodedImage]? {
        guard let format = header.format.keptFormat else { return [] }
        guard let picture = VipsPicture.thumbnail(of: buffer, width: header.width, height: maxCoordinate, crop: false)?.pixelsOnly(),
              let bytes = picture.encoded(format, quality: settings.originalQuality) else { return nil }
        return [EncodedImage(role: "original", format: format, width: picture.width, height: picture.height, bytes: bytes)]
    }

    /// libvips' VIPS_MAX_COORD: "no limit" for a thumbnail's height.
    static let maxCoordinate = 10_000_000
}
