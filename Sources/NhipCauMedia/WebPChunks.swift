/// libvips 8.14 (Debian 12) writes an EXIF block into every WebP, whatever `strip` says: at least
/// orientation and resolution, and from an image that kept them, GPS and camera too. The encoded
/// file is cleaned here, chunk by chunk (RIFF): EXIF, XMP and ICC chunks are dropped and the
/// extended header's flags for them cleared. The picture itself is untouched.
enum WebPChunks {
    static let metadata: Set<String> = ["EXIF", "XMP ", "ICCP"]
    /// VP8X flags: ICC profile, EXIF, XMP.
    static let metadataFlags: UInt8 = 0x20 | 0x08 | 0x04

    /// Nil when the bytes are not a well-formed WebP (then nothing is published).
    static func stripped(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, fourCC(bytes, 0) == "RIFF", fourCC(bytes, 8) == "WEBP" else { return nil }
        var kept: [UInt8] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = fourCC(bytes, offset)
            let size = Int(littleEndian(bytes, offset + 4))
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return nil }
            if !metadata.contains(name) {
                var chunk = Array(bytes[offset..<end])
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~metadataFlags }
                kept += chunk
            }
            offset = end
        }
        guard offset == bytes.count else { return nil }
        let size = UInt32(kept.count + 4)
        return Array("RIFF".utf8) + withUnsafeBytes(of: size.littleEndian, Array.init) + Array("WEBP".utf8) + kept
    }

    private static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String {
        String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
