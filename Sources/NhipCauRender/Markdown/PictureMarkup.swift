import Foundation
import NhipCauCore
import NhipCauSite

/// `<picture>` for a processed image: WebP and the fallback at every width, `sizes` matching the
/// default theme's layout, the largest variant's `width`/`height` so the page keeps its place
/// while the picture loads, and lazy loading for all but a page's first picture.
enum PictureMarkup {
    /// `.story-image` spans `.wrap`: 60rem less 1rem padding on each side.
    static let storySizes = "(min-width: 60rem) 58rem, calc(100vw - 2rem)"
    /// Pictures in the text sit in `.prose`, at most 42rem wide.
    static let proseSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"

    static func html(_ image: PublishedImage, alt: String, sizes: String, eager: Bool, href: (Route) -> String) -> String {
        func srcset(_ variants: [ImageVariant]) -> String {
            variants.map { "\(htmlEscaped(href(Routes.media($0.path)))) \($0.width)w" }.joined(separator: ", ")
        }
        let largest = image.largest
        let loading = eager ? "" : " loading=\"lazy\" decoding=\"async\""
        return "<picture><source type=\"image/webp\" srcset=\"\(srcset(image.webp))\" sizes=\"\(sizes)\">"
            + "<img src=\"\(htmlEscaped(href(Routes.media(largest.path))))\" srcset=\"\(srcset(image.fallback))\" sizes=\"\(sizes)\""
            + " width=\"\(largest.width)\" height=\"\(largest.height)\" alt=\"\(htmlEscaped(alt))\"\(loading)></picture>"
    }
}

extension PictureMarkup {
    /// An SVG, as it is, with its declared size so the page keeps its place while it loads.
    static func drawing(src: String, size: DrawingSize, alt: String, eager: Bool) -> String {
        let loading = eager ? "" : " loading=\"lazy\" decoding=\"async\""
        return "<img src=\"\(htmlEscaped(src))\" width=\"\(size.width)\" height=\"\(size.height)\" alt=\"\(htmlEscaped(alt))\"\(loading)>"
    }
}

/// What `check` says about pictures: descriptions that describe nothing, pages too heavy for a phone.
enum ImageAdvice {
    /// Words that say "a picture" and nothing of what it shows.
    static let emptyWords: Set<String> = [
        "ảnh", "anh", "hình", "hinh", "hình ảnh", "hinh anh", "ảnh minh họa", "ảnh minh hoạ", "anh minh hoa",
        "hình minh họa", "hình minh hoạ", "minh họa", "minh hoạ", "image", "photo", "picture", "img", "pic", "untitled",
    ]

    static func isMeaningless(_ alt: String, path: String) -> Bool {
        let text = alt.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let file = path.split(separator: "/").last.map { String($0).lowercased() } ?? ""
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        if text.isEmpty || emptyWords.contains(text) || text == file || text == stem { return true }
        // IMG_2041.jpg, DSC0042, anh-1.png: a file name, not a description.
        let extensions = MediaCatalog.rasterExtensions + ["svg"]
        if extensions.contains(where: { text.hasSuffix("." + $0) }) { return true }
        return text.range(of: #"^(img|dsc|dscn|dcim|pxl|image|photo|anh|hinh)[-_ ]?\d+$"#, options: .regularExpression) != nil
    }

    static func meaninglessAlt(_ alt: String, path: String, at location: SourceLocation) -> Diagnostic {
        .warning(location, "render.descriptionDoesNotTell", ["alt": "\(alt)", "path": "\(path)"])
    }

    /// What a phone downloads at least for a page's pictures (each at its narrowest WebP).
    static let pageBudget = 200 * 1024

    static func overBudget(_ paths: [String], media: MediaCatalog, file: String) -> Diagnostic? {
        var seen = Set<String>()
        let images = paths.filter { seen.insert($0).inserted }.compactMap { media.images[$0] }
        let total = images.reduce(0) { $0 + $1.smallestByteCount }
        guard total > pageBudget else { return nil }
        let kb = (total + 1023) / 1024, budget = pageBudget / 1024
        return .warning(SourceLocation(file: file, line: 1, column: 1), "render.pageSPicturesWeigh", ["kb": "\(kb)", "budget": "\(budget)"])
    }
}
