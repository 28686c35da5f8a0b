import NhipCauCore

/// One encoded copy of an image as published, e.g. `media/stories/anh.720.webp`.
public struct ImageVariant: Sendable, Hashable {
    /// Path in the output, like a route's.
    public let path: String
    public let width: Int
    public let height: Int
    public let byteCount: Int

    public init(path: String, width: Int, height: Int, byteCount: Int) {
        self.path = path
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}

/// What a raster image under `media/` became: the same picture, upright and without metadata, at a
/// few widths in WebP and in a fallback format every browser shows (JPEG; PNG when it has transparency).
public struct PublishedImage: Sendable, Hashable {
    /// Narrowest first; the same widths in both lists.
    public let webp: [ImageVariant]
    public let fallback: [ImageVariant]
    /// The 1200×630 JPEG of sharing cards, when the image is one (`share_image`, a story's `image`).
    public let card: ImageVariant?

    public init(webp: [ImageVariant], fallback: [ImageVariant], card: ImageVariant?) {
        self.webp = webp
        self.fallback = fallback
        self.card = card
    }

    /// The largest variant: its size goes into `width`/`height`, its fallback into `src`.
    public var largest: ImageVariant { fallback[fallback.count - 1] }

    /// What a phone downloads at least: the narrowest WebP.
    public var smallestByteCount: Int { webp.first?.byteCount ?? largest.byteCount }
}

/// The size an SVG declares, for its `<img>`'s `width` and `height`.
public struct DrawingSize: Sendable, Hashable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The media step's answer for every file under `media/`: raster images with their variants,
/// files that cannot be published with the reason, to be said where they are used.
public struct MediaCatalog: Sendable {
    public var images: [String: PublishedImage]
    /// Content path → why it cannot be published (damaged, too large, not what its name says…).
    public var failures: [String: LocalizedText]
    /// SVG pictures (published as they are, once checked) with the size they declare.
    public var drawings: [String: DrawingSize]

    public init(images: [String: PublishedImage] = [:], failures: [String: LocalizedText] = [:], drawings: [String: DrawingSize] = [:]) {
        self.images = images
        self.failures = failures
        self.drawings = drawings
    }

    /// No image processed: images are linked as they are (tools that render without building).
    public static let none = MediaCatalog()

    /// Formats read and resized; anything else under `media/` (PDF, SVG…) is published as it is.
    public static func isRaster(_ path: String) -> Bool {
        let lower = path.lowercased()
        return rasterExtensions.contains { lower.hasSuffix("." + $0) }
    }

    public static let rasterExtensions = ["jpg", "jpeg", "png", "webp", "gif", "heic", "heif"]
}
