import Foundation
import NhipCauCore
import NhipCauLoad
import NhipCauMedia
import NhipCauSite
import NhipCauWrite

/// The "process media" step: pictures are made (or taken from the cache) before pages are
/// rendered, since a page's `<picture>` needs their widths, heights and names.
extension SiteBuild {
    struct ProcessedMedia {
        /// The prepared site with a renderer that shows the processed pictures.
        let prepared: PreparedSite
        let result: MediaResult
    }

    /// - Parameter output: nil for `check`, which writes nothing (the cache is filled all the same).
    static func processMedia(_ prepared: PreparedSite, options: BuildOptions, output: OutputDirectory?) -> ProcessedMedia {
        let site = prepared.site
        let config = site.config
        let cacheFolder = options.cacheFolder ?? MediaCache.defaultFolder(for: options.content)
        var mediaOptions = MediaOptions(cache: MediaCache(folder: cacheFolder), maxImagePixels: config.maxImagePixels,
                                        maxFileBytes: config.maxFileBytes, keepOriginals: config.keepOriginals)
        if site.media.contains(where: { MediaCatalog.isRaster($0.path) }) {
            mediaOptions.sources = MediaSources(file: MediaSources.file(cacheFolder: cacheFolder, content: options.content),
                                                identity: InputFingerprint.toolIdentity(), readsPrevious: options.incremental,
                                                settledSeconds: options.settledSeconds)
        }
        var writer: MediaWriter?
        if let output {
            writer = { bytes, path in try output.write(bytes, to: path) }
        }
        var result = MediaStep.run(media: site.media.map(\.path), cards: cardImages(site), themeAssets: prepared.theme.assets,
                                   content: DiskContent(root: options.content), options: mediaOptions, write: writer)
        result.append(keyReferences(site).compactMap { reference in
            result.catalog.failures[reference.value].map { Diagnostic(.error, reference.location, $0, followsFrom: reference.value) }
        })
        let withMedia = PreparedSite(site: site, theme: prepared.theme, renderer: prepared.renderer.withMedia(result.catalog),
                                     diagnostics: prepared.diagnostics)
        return ProcessedMedia(prepared: withMedia, result: result)
    }

    /// Pictures that sharing cards show: `share_image`, and stories' own raster `image`.
    static func cardImages(_ site: Site) -> Set<String> {
        guard site.config.baseURL != nil else { return [] }
        var cards = Set(site.stories.compactMap { $0.image?.value }.filter(SiteConfig.isCardImage))
        if let share = site.config.shareImage { cards.insert(share.value) }
        return cards
    }

    /// `image:` keys and `share_image`, which name a picture outside any Markdown body.
    static func keyReferences(_ site: Site) -> [Located<String>] {
        site.stories.compactMap(\.image) + (site.config.shareImage.map { [$0] } ?? [])
    }

    /// A picture that cannot be published is said where it is used; one used nowhere, at itself.
    static func unreferencedFailures(_ catalog: MediaCatalog, found: Diagnostics) -> [Diagnostic] {
        let said = Set(found.items.compactMap(\.followsFrom))
        return catalog.failures.sorted { $0.key < $1.key }.filter { !said.contains($0.key) }.map { path, reason in
            Diagnostic(.error, SourceLocation(file: path), reason)
        }
    }
}
