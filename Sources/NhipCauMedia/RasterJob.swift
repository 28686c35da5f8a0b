#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauSite

/// One raster file under `media/`: checked, made (or found in the cache), written.
struct RasterJob {
    let path: String
    let card: Bool
    let content: any ContentReading
    let options: MediaOptions
    let write: MediaWriter?

    struct Outcome: Sendable {
        var result: Result<PublishedImage, ImageFailure>
        var fromCache = true
        var cacheFailed = false
        var filesWritten = 0
        var writeError: (any Error)?
    }

    func run() -> Outcome {
        if let size = content.size(of: path), size > options.maxFileBytes {
            return Outcome(result: .failure(ImageFailure(Self.tooHeavy(path, bytes: size, limit: options.maxFileBytes))))
        }
        guard let bytes = try? content.read(path) else {
            return Outcome(result: .failure(ImageFailure(LocalizedText(vi: "Không đọc được tệp ảnh `\(path)`.", en: "The image file `\(path)` could not be read."))))
        }
        let header: SourceHeader
        switch Self.inspect(bytes, path: path, options: options) {
        case .failure(let reason): return Outcome(result: .failure(reason))
        case .success(let found): header = found
        }
        var outcome = Outcome(result: .failure(ImageFailure(Self.damaged(path))))
        let sourceHash = Vips.sha256(bytes)
        var products: [ImageProduct: [EncodedImage]] = [:]
        for product in ImageProduct.allCases where product == .variants || (product == .card && card) || (product == .original && options.keepOriginals) {
            let key = MediaCache.key(sourceHash: sourceHash, product: product, settings: options.settings)
            if let cached = options.cache.read(key) {
                products[product] = cached
                continue
            }
            outcome.fromCache = false
            guard let made = ImageProcessor.make(product, from: bytes, header: header, settings: options.settings) else { return outcome }
            outcome.cacheFailed = outcome.cacheFailed || !options.cache.write(made, key: key)
            products[product] = made
        }
        let named = publish(products, header: header)
        outcome.result = .success(named.image)
        if let write {
            for file in named.files {
                do {
                    try write(file.bytes, file.path)
                    outcome.filesWritten += 1
                } catch {
                    outcome.writeError = error
                    break
                }
            }
        }
        return outcome
    }

    /// `media/anh.jpg` → `media/anh.360.webp`, `media/anh.360.jpg` …, `media/anh.1200x630.jpg`; the
    /// largest fallback also at `media/anh.jpg` itself when it is of that type, so a plain link
    /// to the file (or a page outside the site) still finds a picture, only a private and lighter one.
    private func publish(_ products: [ImageProduct: [EncodedImage]], header: SourceHeader) -> (image: PublishedImage, files: [(path: String, bytes: [UInt8])]) {
        let stem = path.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        var files: [(path: String, bytes: [UInt8])] = []
        func variant(_ image: EncodedImage, path: String) -> ImageVariant {
            files.append((path, image.bytes))
            return ImageVariant(path: path, width: image.width, height: image.height, byteCount: image.bytes.count)
        }
        let encoded = products[.variants] ?? []
        let webp = encoded.filter { $0.role.hasPrefix("webp-") }.map { variant($0, path: "\(stem).\($0.width).webp") }
        let fallbacks = encoded.filter { $0.role.hasPrefix("fallback-") }
        let fallback = fallbacks.map { variant($0, path: "\(stem).\($0.width).\($0.format.rawValue)") }
        let card = products[.card]?.first.map { variant($0, path: "\(stem).\(ImageSettings.cardWidth)x\(ImageSettings.cardHeight).jpg") }
        if let original = products[.original]?.first {
            files.append((path, original.bytes))
        } else if let largest = fallbacks.last, largest.format == header.format.keptFormat {
            files.append((path, largest.bytes))
        }
        return (PublishedImage(webp: webp, fallback: fallback, card: card), files)
    }

    /// The checks made before any pixel is decoded: what the bytes are, and how many pixels they claim.
    static func inspect(_ bytes: [UInt8], path: String, options: MediaOptions) -> Result<SourceHeader, ImageFailure> {
        guard let named = SourceFormat.named(path) else { return .failure(ImageFailure(damaged(path))) }
        guard let actual = SourceFormat.sniff(bytes) else {
            let what = SourceFormat.describeOther(bytes)
            return .failure(ImageFailure(LocalizedText(
                vi: "Tệp `\(path)` mang đuôi ảnh \(named.rawValue) nhưng không phải ảnh: bên trong là \(what.vi). Mở ảnh gốc trên máy và lưu lại thành .jpg hoặc .png, rồi chép đè tệp này.",
                en: "The file `\(path)` is named as a \(named.rawValue) image but is not an image: it holds \(what.en). Open the original picture and save it as .jpg or .png, then copy it over this file.")))
        }
        guard actual == named || (actual == .heif && named == .heif) else {
            return .failure(ImageFailure(LocalizedText(
                vi: "Tệp `\(path)` mang đuôi ảnh \(named.rawValue) nhưng thực ra là ảnh \(actual.rawValue). Đổi đuôi tệp cho đúng (ví dụ `.\(actual.suggestedExtension)`) và sửa đường dẫn ảnh theo tên mới.",
                en: "The file `\(path)` is named as a \(named.rawValue) image but is actually a \(actual.rawValue) image. Rename it with the right extension (e.g. `.\(actual.suggestedExtension)`) and change the image's path to the new name.")))
        }
        guard let header = ImageProcessor.header(bytes, format: actual) else { return .failure(ImageFailure(damaged(path))) }
        let pixels = header.width * header.height
        guard pixels <= options.maxImagePixels else {
            let megapixels = Double(pixels) / 1_000_000, limit = Double(options.maxImagePixels) / 1_000_000
            return .failure(ImageFailure(LocalizedText(
                vi: "Ảnh `\(path)` có \(header.width)×\(header.height) điểm ảnh (\(vi.decimal(megapixels)) triệu), quá giới hạn \(vi.decimal(limit)) triệu (`max_image_pixels` trong site.yml). Ảnh cỡ này làm cạn bộ nhớ khi xử lý. Thu nhỏ ảnh (ví dụ còn 4000×3000) rồi lưu lại.",
                en: "The image `\(path)` is \(header.width)×\(header.height) pixels (\(en.decimal(megapixels)) million), over the limit of \(en.decimal(limit)) million (`max_image_pixels` in site.yml). A picture that size exhausts memory while processed. Scale it down (e.g. to 4000×3000) and save it again.")))
        }
        return .success(header)
    }

    static func damaged(_ path: String) -> LocalizedText {
        LocalizedText(
            vi: "Ảnh `\(path)` bị hỏng hoặc không đầy đủ (có thể chép hoặc tải về dở), không đọc được hết. Chép lại tệp gốc từ máy ảnh hay điện thoại, hoặc mở ảnh và lưu lại.",
            en: "The image `\(path)` is damaged or incomplete (perhaps copied or downloaded only in part) and cannot be read to the end. Copy the original file from the camera or phone again, or open the picture and save it again.")
    }

    static func tooHeavy(_ path: String, bytes: Int, limit: Int) -> LocalizedText {
        let size = Double(bytes) / 1_048_576, max = Double(limit) / 1_048_576
        return LocalizedText(
            vi: "Ảnh `\(path)` nặng \(vi.decimal(size, fractionDigits: 2)) MB, quá giới hạn \(vi.decimal(max)) MB (`max_file_size_mb` trong site.yml). Thu nhỏ ảnh hoặc lưu lại với chất lượng thấp hơn.",
            en: "The image `\(path)` is \(en.decimal(size, fractionDigits: 2)) MB, over the limit of \(en.decimal(max)) MB (`max_file_size_mb` in site.yml). Scale it down or save it at a lower quality.")
    }

    static let vi = NumberFormat(language: .vi), en = NumberFormat(language: .en)
}

extension SourceFormat {
    var suggestedExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .gif: "gif"
        case .heif: "heic"
        }
    }
}

/// Why a picture cannot be published, in the officer's words.
struct ImageFailure: Error {
    let reason: LocalizedText
    init(_ reason: LocalizedText) { self.reason = reason }
}
