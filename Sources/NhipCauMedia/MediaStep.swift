#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauSite

/// What the media step needs to know beyond the files.
public struct MediaOptions: Sendable {
    public var cache: MediaCache
    public var settings = ImageSettings()
    /// `max_image_pixels` (site.yml): a larger picture is refused before it is decoded.
    public var maxImagePixels: Int
    /// `max_file_size_mb` (site.yml).
    public var maxFileBytes: Int
    /// `keep_originals` (site.yml): the full-size picture is published too, still stripped.
    public var keepOriginals: Bool
    /// What earlier builds learned of each picture by its file status; nil: every picture is read.
    public var sources: MediaSources?

    public init(cache: MediaCache, maxImagePixels: Int, maxFileBytes: Int, keepOriginals: Bool) {
        self.cache = cache
        self.maxImagePixels = maxImagePixels
        self.maxFileBytes = maxFileBytes
        self.keepOriginals = keepOriginals
    }
}

/// Writes one output file; throws what the output folder threw.
public typealias MediaWriter = @Sendable (_ bytes: [UInt8], _ path: String) throws -> Void

public struct MediaResult: Sendable {
    public mutating func append(_ more: [Diagnostic]) { diagnostics += more }

    public let catalog: MediaCatalog
    /// SVG problems, theme pictures that cannot be read, a cache that cannot be written.
    public internal(set) var diagnostics: [Diagnostic]
    /// Theme assets as published: raster ones re-encoded without metadata.
    public let themeAssets: [String: [UInt8]]
    public let filesWritten: Int
    /// Sources whose every product came from the cache, and those made now.
    public let cachedCount: Int
    public let madeCount: Int
    /// Files of the media cache whose SHA-256 was checked: those not vouched for by their status.
    let cacheFilesHashed: Int
    /// The first error of the output folder, if writing failed.
    public let writeError: (any Error)?
}

/// The media step: every raster image under `media/` becomes upright, metadata-free variants
/// (from the cache when its bytes and the settings are unchanged), every SVG is checked for code.
/// Anything else under `media/` is left to the build to copy.
public enum MediaStep {
    /// - Parameters:
    ///   - media: content paths of the files under `media/`.
    ///   - cards: those used as a sharing card picture (they also get a 1200×630 crop).
    ///   - write: nil for `check`, which makes everything (filling the cache) and writes nothing.
    public static func run(media: [String], cards: Set<String>, themeAssets: [String: [UInt8]],
                           content: any ContentReading, options: MediaOptions, write: MediaWriter?) -> MediaResult {
        let rasters = media.filter(MediaCatalog.isRaster)
        let outcomes = rasters.parallelMap { path in
            RasterJob(path: path, card: cards.contains(path), content: content, options: options, write: write).run()
        }
        var catalog = MediaCatalog()
        var diagnostics: [Diagnostic] = []
        var written = 0, cached = 0, made = 0, hashed = 0
        var writeError: (any Error)?
        var cacheFailed = false
        for (path, outcome) in zip(rasters, outcomes) {
            switch outcome.result {
            case .success(let image): catalog.images[path] = image
            case .failure(let failure): catalog.failures[path] = failure.reason
            }
            written += outcome.filesWritten
            if outcome.fromCache { cached += 1 } else if case .success = outcome.result { made += 1 }
            hashed += outcome.cacheFilesHashed
            cacheFailed = cacheFailed || outcome.cacheFailed
            writeError = writeError ?? outcome.writeError
        }
        for path in media where path.lowercased().hasSuffix(".svg") {
            guard let bytes = try? content.read(path) else { continue }
            let svg = SVGCheck.inspect(bytes, file: path)
            diagnostics += svg.problems
            if let size = svg.size { catalog.drawings[path] = DrawingSize(width: size.width, height: size.height) }
        }
        options.sources?.save(outcomes.compactMap(\.learned))
        let theme = processTheme(themeAssets, options: options)
        diagnostics += theme.diagnostics
        if cacheFailed, let folder = options.cache.folder {
            diagnostics.append(.warning(SourceLocation(file: "media"), "media.imageCacheCouldNot", ["folderPath": "\(folder.path)"]))
        }
        return MediaResult(catalog: catalog, diagnostics: diagnostics, themeAssets: theme.assets, filesWritten: written,
                           cachedCount: cached, madeCount: made, cacheFilesHashed: hashed, writeError: writeError)
    }

    /// A theme's pictures keep their names (the stylesheet points at them) and size; they lose
    /// their metadata and are turned upright like any other.
    static func processTheme(_ assets: [String: [UInt8]], options: MediaOptions) -> (assets: [String: [UInt8]], diagnostics: [Diagnostic]) {
        var result = assets
        var diagnostics: [Diagnostic] = []
        for (name, bytes) in assets.sorted(by: { $0.key < $1.key }) {
            let file = "theme/" + name
            if name.lowercased().hasSuffix(".svg") {
                diagnostics += SVGCheck.problems(bytes, file: file)
                continue
            }
            guard MediaCatalog.isRaster(name) else { continue }
            switch RasterJob.inspect(bytes, path: name, options: options) {
            case .failure(let failure):
                diagnostics.append(Diagnostic(.error, SourceLocation(file: file), failure.reason))
            case .success(let header):
                // A GIF keeps its frames; a theme has no use for HEIC.
                guard header.format.keptFormat != nil else { continue }
                guard let kept = ImageProcessor.make(.original, from: bytes, header: header, settings: options.settings)?.first else {
                    diagnostics.append(Diagnostic(.error, SourceLocation(file: file), RasterJob.damaged(name)))
                    continue
                }
                result[name] = kept.bytes
            }
        }
        return (result, diagnostics)
    }
}
