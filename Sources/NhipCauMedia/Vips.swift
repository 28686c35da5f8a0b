import CVips

/// libvips, started once per process (thread-safe from then on).
enum Vips {
    /// Swift runs a global's initialiser once, on first use, whichever thread gets there first.
    static let isReady: Bool = nhipcau_vips_start() == 0

    static let version: String = String(cString: vips_version_string())

    /// Hex SHA-256 of `bytes`.
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let hex = nhipcau_sha256(bytes.baseAddress, bytes.count) else { return "" }
        defer { nhipcau_free(hex) }
        return String(cString: hex)
    }

    static func sha256(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { sha256($0) } }

    static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }

    /// libvips keeps one error buffer for the process; its English details are not shown to
    /// officers (our own message says what to do), only cleared so they do not pile up.
    static func clearError() { nhipcau_vips_error_clear() }
}

/// A libvips image, released when dropped. Used by one thread at a time.
final class VipsPicture {
    let pointer: UnsafeMutablePointer<VipsImage>

    init?(_ pointer: UnsafeMutablePointer<VipsImage>?) {
        guard let pointer else {
            Vips.clearError()
            return nil
        }
        self.pointer = pointer
    }

    deinit { nhipcau_vips_unref(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }
    var orientation: Int { Int(nhipcau_vips_orientation(pointer)) }
    var pageCount: Int { Int(nhipcau_vips_pages(pointer)) }

    /// Header only: no pixel decoded.
    static func header(of bytes: UnsafeRawBufferPointer) -> VipsPicture? {
        VipsPicture(nhipcau_vips_header(bytes.baseAddress, bytes.count))
    }

    static func thumbnail(of bytes: UnsafeRawBufferPointer, width: Int, height: Int, crop: Bool) -> VipsPicture? {
        VipsPicture(nhipcau_vips_thumbnail(bytes.baseAddress, bytes.count, Int32(width), Int32(height), crop ? 1 : 0))
    }

    /// Decodes the whole pipeline into memory (where a truncated source finally shows), keeping
    /// the pixels and nothing else: no EXIF, GPS, XMP, IPTC, ICC or comment survives this.
    func pixelsOnly() -> VipsPicture? { VipsPicture(nhipcau_vips_pixels_only(pointer)) }

    func resized(toWidth width: Int) -> VipsPicture? { VipsPicture(nhipcau_vips_resize(pointer, Int32(width))) }

    func flattened() -> VipsPicture? { hasAlpha ? VipsPicture(nhipcau_vips_flatten(pointer)) : self }

    func encoded(_ format: EncodedFormat, quality: Int) -> [UInt8]? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let source = format == .jpeg ? flattened() : self
        guard let source, nhipcau_vips_save(source.pointer, format.vipsCode, Int32(quality), &buffer, &length) == 0,
              let buffer else {
            Vips.clearError()
            return nil
        }
        defer { nhipcau_free(buffer) }
        let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return format == .webp ? WebPChunks.stripped(bytes) : bytes
    }
}

enum EncodedFormat: String, Sendable {
    case jpeg = "jpg", webp, png

    var vipsCode: Int32 {
        switch self {
        case .jpeg: Int32(NHIPCAU_JPEG)
        case .webp: Int32(NHIPCAU_WEBP)
        case .png: Int32(NHIPCAU_PNG)
        }
    }
}
