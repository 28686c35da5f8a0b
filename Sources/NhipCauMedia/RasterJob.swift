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
        /// What is worth keeping of the picture for the next build (`MediaSources`).
        var learned: MediaSources.Learned?
        /// Files of the media cache whose SHA-256 was checked (those not vouched for by their status).
        var cacheFilesHashed = 0
    }

    func run() -> Outcome {
        // Taken before the bytes are read: a file written after that has another status next build.
        let status = options.sources == nil ? nil : content.plainFileStatus(path, maxBytes: options.maxFileBytes)
        if let status, let known = options.sources?.known(path, status: status), let outcome = fromCache(known, status: status) {
            return outcome
        }
        if let size = content.size(of: path), size > options.maxFileBytes {
            return Outcome(result: .failure(ImageFailure(Self.tooHeavy(path, bytes: size, limit: options.maxFileBytes))))
        }
        guard let bytes = try? content.read(path) else {
            return Outcome(result: .failure(ImageFailure(LocalizedText("media.imageFileCouldNot", ["path": "\(path)"]))))
        }
        let header: SourceHeader
        switch Self.inspect(bytes, path: path, options: options) {
        case .failure(let reason): return Outcome(result: .failure(reason))
        case .success(let found): header = found
        }
        var outcome = Outcome(result: .failure(ImageFailure(Self.damaged(path))))
        let sourceHash = Vips.sha256(bytes)
        var products: [ImageProduct: [EncodedImage]] = [:]
        var cacheFiles: [String: FileStatus] = [:]
        for product in neededProducts(sourceHash: sourceHash) {
            if let cached = options.cache.read(product.key) {
                products[product.product] = cached.images
                cacheFiles.merge(cached.statuses) { first, _ in first }
                outcome.cacheFilesHashed += cached.hashed
                continue
            }
            outcome.fromCache = false
            guard let made = ImageProcessor.make(product.product, from: bytes, header: header, settings: options.settings) else { return outcome }
            outcome.cacheFailed = outcome.cacheFailed || !options.cache.write(made, key: product.key)
            products[product.product] = made
        }
        outcome.learned = status.map { MediaSources.Learned(path: path, status: $0, known: MediaSources.Known(hash: sourceHash, header: header), cacheFiles: cacheFiles) }
        return written(products, header: header, made: outcome)
    }

    /// The products this picture needs, each with its cache key.
    private func neededProducts(sourceHash: String) -> [(product: ImageProduct, key: String)] {
        ImageProduct.allCases.filter { $0 == .variants || ($0 == .card && card) || ($0 == .original && options.keepOriginals) }.map {
            ($0, MediaCache.key(sourceHash: sourceHash, product: $0, settings: options.settings))
        }
    }

    /// An unchanged picture whose every product is in the cache, found without reading it; nil when
    /// one is missing (the picture is then read and made as any other). The pixel limit is checked again:
    /// `site.yml` may have lowered it.
    private func fromCache(_ known: MediaSources.Known, status: FileStatus) -> Outcome? {
        if let tooMany = Self.pixelProblem(known.header, path: path, options: options) {
            var refused = Outcome(result: .failure(tooMany))
            refused.learned = MediaSources.Learned(path: path, status: status, known: known, cacheFiles: nil)
            return refused
        }
        var products: [ImageProduct: [EncodedImage]] = [:]
        var cacheFiles: [String: FileStatus] = [:]
        var hashed = 0
        for product in neededProducts(sourceHash: known.hash) {
            guard let cached = options.cache.read(product.key, vouchedFor: known.cacheFiles) else { return nil }
            products[product.product] = cached.images
            cacheFiles.merge(cached.statuses) { first, _ in first }
            hashed += cached.hashed
        }
        var outcome = written(products, header: known.header, made: nil)
        outcome.cacheFilesHashed = hashed
        outcome.learned = MediaSources.Learned(path: path, status: status, known: known, cacheFiles: cacheFiles)
        return outcome
    }

    /// The products named and written to the site. `made`: what making them said (nil: all came from the cache).
    private func written(_ products: [ImageProduct: [EncodedImage]], header: SourceHeader, made: Outcome?) -> Outcome {
        let named = publish(products, header: header)
        var outcome = made ?? Outcome(result: .success(named.image))
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
            return .failure(ImageFailure(LocalizedText("media.fileNamedImageBut", ["path": "\(path)", "named": "\(named.rawValue)", "what": .message(what)])))
        }
        guard actual == named || (actual == .heif && named == .heif) else {
            return .failure(ImageFailure(LocalizedText("media.fileNamedImageBut2", ["path": "\(path)", "named": "\(named.rawValue)", "actual": "\(actual.rawValue)", "suggestedExtension": "\(actual.suggestedExtension)"])))
        }
        guard let header = ImageProcessor.header(bytes, format: actual) else { return .failure(ImageFailure(damaged(path))) }
        if let tooMany = pixelProblem(header, path: path, options: options) { return .failure(tooMany) }
        return .success(header)
    }

    /// A picture of more pixels than `max_image_pixels` is refused before it is decoded.
    static func pixelProblem(_ header: SourceHeader, path: String, options: MediaOptions) -> ImageFailure? {
        let pixels = header.width * header.height
        guard pixels > options.maxImagePixels else { return nil }
        let megapixels = Double(pixels) / 1_000_000, limit = Double(options.maxImagePixels) / 1_000_000
        return ImageFailure(LocalizedText("media.imageTooManyPixels", [
            "path": "\(path)", "width": "\(header.width)", "height": "\(header.height)",
            "megapixels": .decimal(megapixels, fractionDigits: 1), "limit": .decimal(limit, fractionDigits: 1)]))
    }

    static func damaged(_ path: String) -> LocalizedText {
        LocalizedText("media.imageDamagedIncompletePerhaps", ["path": "\(path)"])
    }

    static func tooHeavy(_ path: String, bytes: Int, limit: Int) -> LocalizedText {
        let size = Double(bytes) / 1_048_576, max = Double(limit) / 1_048_576
        return LocalizedText("media.imageTooHeavy", ["path": "\(path)", "size": .decimal(size, fractionDigits: 2), "limit": .decimal(max, fractionDigits: 1)])
    }

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
