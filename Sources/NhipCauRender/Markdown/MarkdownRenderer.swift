#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CCmark
import NhipCauCore
import NhipCauSite

/// Turns a fenced block such as ```` ```chart ```` into HTML. `line` is the block's first line in the file.
public typealias FencedBlockHandler = @Sendable (_ content: String, _ location: SourceLocation) -> Result<String, Diagnostic>

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    public let html: String
    /// The words of the body with no markup, for summaries and the search index.
    public let plainText: String
    public let diagnostics: [Diagnostic]
    /// Content paths of the pictures shown (`media/a.jpg`), in order, for the page's image budget.
    public var images: [String] = []
}

/// Markdown → HTML through cmark's tree: links are rewritten to relative URLs and checked (with
/// their `#fragment`), unsafe URLs dropped, fenced blocks with a known info string replaced,
/// headings shifted below the page's own `h1` and given ids from their text.
public struct MarkdownRenderer: Sendable {
    let site: Site
    let blockHandlers: [String: FencedBlockHandler]
    let offline: Bool
    let anchors: AnchorIndex
    /// Processed pictures: an image of the body becomes a `<picture>` of their variants.
    var media = MediaCatalog.none

    /// - Parameter content: where other pages' Markdown is read to check links into their headings;
    ///   without it only links within the page and to the theme's fixed ids are checked.
    /// - Parameter templateIDs: the fixed ids each page's template writes.
    init(site: Site, blockHandlers: [String: FencedBlockHandler], offline: Bool, content: (any ContentReading)? = nil,
         templateIDs: TemplateIDs) {
        self.site = site
        self.blockHandlers = blockHandlers
        self.offline = offline
        self.anchors = AnchorIndex(site: site, content: content, templateIDs: templateIDs)
    }

    /// A link with a `#fragment`, checked once the page's own heading ids are known.
    private struct FragmentLink {
        let written: String
        let target: Route
        let fragment: String
        let location: SourceLocation
    }

    /// - Parameters:
    ///   - file: the content file, for resolving relative links and naming it in errors.
    ///   - firstLine: the line of `file` where `markdown` starts.
    ///   - page: where the HTML will be published, for making links relative.
    /// - Parameter eagerFirstImage: the body's first picture is the page's first (no story picture
    ///   above it), so it loads at once; the others load as they scroll into view.
    public func render(_ markdown: String, file: String, firstLine: Int, page: Route, eagerFirstImage: Bool = true) -> RenderedMarkdown {
        if let tooComplex = MarkdownLimits.check(markdown, file: file, firstLine: firstLine) {
            return RenderedMarkdown(html: "", plainText: "", diagnostics: [tooComplex])
        }
        guard let document = CmarkDocument(markdown: markdown) else {
            return RenderedMarkdown(html: "", plainText: "", diagnostics: [.error(SourceLocation(file: file), "render.markdownCouldNotRead")])
        }
        var diagnostics: [Diagnostic] = []
        var fragments: [FragmentLink] = []
        var firstRawHTML: SourceLocation?
        var images: [String] = []
        let nodes = document.nodes()
        let plainText = nodes.first.map { $0.plainText } ?? ""
        shiftHeadings(nodes)
        for node in nodes {
            let location = SourceLocation(file: file, line: firstLine + node.line - 1, column: node.column)
            let found = diagnostics.count
            switch node.type {
            case CMARK_NODE_LINK:
                rewriteLink(node, at: location, page: page, diagnostics: &diagnostics, fragments: &fragments)
            case CMARK_NODE_IMAGE:
                rewriteImage(node, at: location, page: page, eager: eagerFirstImage && images.isEmpty,
                             diagnostics: &diagnostics, images: &images)
            case CMARK_NODE_CODE_BLOCK:
                replaceFencedBlock(node, at: location, diagnostics: &diagnostics)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if site.config.allowRawHTML && firstRawHTML == nil { firstRawHTML = location }
            default:
                break
            }
            // cmark counts columns in bytes; officers' editors count characters. Only worked out
            // for a link or image that has a problem (fenced blocks name their own lines).
            if diagnostics.count > found, node.type != CMARK_NODE_CODE_BLOCK {
                let column = SourceColumn.fromByteColumn(node.column, line: node.line, of: markdown)
                for index in found..<diagnostics.count { diagnostics[index].location.column = column }
            }
        }
        // After the links (a heading may hold one), and on a fresh list of nodes: the pass above
        // may have freed some.
        let themeIDs = anchors.themeIDs(of: page)
        let headingIDs = giveHeadingsIDs(document, reserved: themeIDs)
        diagnostics += fragments.compactMap { check($0, page: page, pageIDs: headingIDs.union(themeIDs)) }
        if let firstRawHTML { diagnostics.append(Self.rawHTMLPassedThrough(at: firstRawHTML)) }
        return RenderedMarkdown(html: document.html(allowRawHTML: site.config.allowRawHTML),
                                plainText: collapseWhitespace(plainText), diagnostics: diagnostics, images: images)
    }

    /// Raw HTML is published as written (cmark gives it as an opaque string; checking its links
    /// would need a full HTML parser), so each file with some is named once, at its first.
    static func rawHTMLPassedThrough(at location: SourceLocation) -> Diagnostic {
        .warning(location, "render.fileHandWrittenHtml")
    }

    private func rewriteLink(_ node: CmarkNode, at location: SourceLocation, page: Route, diagnostics: inout [Diagnostic],
                             fragments: inout [FragmentLink]) {
        let written = node.url
        switch site.resolveLink(written, from: location.file) {
        case .route(let route, let suffix):
            if let fragment = Self.fragment(of: suffix) {
                fragments.append(FragmentLink(written: written, target: route, fragment: fragment, location: location))
            }
            node.url = page.href(to: route, offline: offline) + suffix
        case .unchanged:
            if written.hasPrefix("#"), let fragment = Self.fragment(of: written) {
                fragments.append(FragmentLink(written: written, target: page, fragment: fragment, location: location))
            }
        case .unsafe:
            diagnostics.append(.warning(location, "render.droppedLinkSuchLinks", ["url": "\(node.url)"]))
            node.unwrap()
        case .missing(let reason):
            diagnostics.append(Diagnostic(.error, location, reason))
        case .unpublished(let reason):
            diagnostics.append(Diagnostic(.warning, location, reason))
            node.unwrap()
        case .unusable:
            node.unwrap()
        }
    }

    /// The decoded fragment of `#…` in a link's suffix; nil for none, `#` alone and `#top`, which
    /// browsers take as the top of the page.
    static func fragment(of suffix: String) -> String? {
        guard let hash = suffix.firstIndex(of: "#") else { return nil }
        let raw = String(suffix[suffix.index(after: hash)...])
        let fragment = raw.removingPercentEncoding ?? raw
        return fragment.isEmpty || fragment.lowercased() == "top" ? nil : fragment
    }

    private func check(_ link: FragmentLink, page: Route, pageIDs: Set<String>) -> Diagnostic? {
        guard let ids = link.target == page ? pageIDs : anchors.ids(of: link.target), !ids.contains(link.fragment) else { return nil }
        let listed = ids.subtracting(["noi-dung"]).sorted()
        let shown = listed.prefix(12).joined(separator: ", ") + (listed.count > 12 ? ", …" : "")
        let sections = listed.isEmpty
            ? LocalizedText("render.pageNoSectionHeadings")
            : LocalizedText("render.sections", ["shown": "\(shown)"])
        return .error(link.location, "render.linkPointsSectionPage", ["written": "\(link.written)", "fragment": "\(link.fragment)", "target": "\(link.target)", "sections": .message(sections)])
    }

    /// Replaces each heading by the same heading with its id; returns the ids given.
    private func giveHeadingsIDs(_ document: CmarkDocument, reserved: Set<String>) -> Set<String> {
        let assigned = HeadingIDs.assign(document, reserved: reserved)
        for (heading, id) in assigned {
            let level = heading.headingLevel
            let inner = heading.childrenHTML(allowRawHTML: site.config.allowRawHTML)
            heading.replace(withHTML: "<h\(level) id=\"\(id)\">\(inner)</h\(level)>\n")
        }
        return Set(assigned.map(\.id))
    }

    private func rewriteImage(_ node: CmarkNode, at location: SourceLocation, page: Route, eager: Bool,
                              diagnostics: inout [Diagnostic], images: inout [String]) {
        let alt = node.plainText.trimmingCharacters(in: .whitespaces)
        if alt.isEmpty {
            diagnostics.append(.warning(location, "render.imageNoDescriptionWrite", ["url": "\(node.url)"]))
        }
        if case .route(let route, _) = site.resolveLink(node.url, from: location.file) {
            let path = route.path
            if !alt.isEmpty, ImageAdvice.isMeaningless(alt, path: path) {
                diagnostics.append(ImageAdvice.meaninglessAlt(alt, path: path, at: location))
            }
            if let reason = media.failures[path] {
                diagnostics.append(Diagnostic(.error, location, reason, followsFrom: path))
                return
            }
            if let image = media.images[path] {
                images.append(path)
                node.replaceInline(withHTML: PictureMarkup.html(image, alt: alt, sizes: PictureMarkup.proseSizes, eager: eager) {
                    page.href(to: $0, offline: offline)
                })
                return
            }
            if let size = media.drawings[path] {
                images.append(path)
                node.replaceInline(withHTML: PictureMarkup.drawing(src: page.href(to: route, offline: offline), size: size, alt: alt, eager: eager))
                return
            }
        }
        var fragments: [FragmentLink] = []
        rewriteLink(node, at: location, page: page, diagnostics: &diagnostics, fragments: &fragments)
    }

    private func replaceFencedBlock(_ node: CmarkNode, at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        let info = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
        guard let handler = blockHandlers[info] else { return }
        let contentLocation = SourceLocation(file: location.file, line: (location.line ?? 0) + 1, column: 1)
        switch handler(node.literal, contentLocation) {
        case .success(let html):
            node.replace(withHTML: html)
        case .failure(let problem):
            diagnostics.append(problem)
        }
    }

    /// The page's title is its only `h1`; an officer's `# Heading` becomes `h2`, and so on down.
    private func shiftHeadings(_ nodes: [CmarkNode]) {
        let headings = nodes.filter { $0.type == CMARK_NODE_HEADING }
        guard headings.contains(where: { $0.headingLevel == 1 }) else { return }
        for heading in headings { heading.headingLevel = min(6, heading.headingLevel + 1) }
    }

    /// Runs of ASCII white space become one space; done on bytes, as this runs over every body.
    private func collapseWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count) { target in
                var count = 0
                var pendingSpace = false
                for byte in source {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { target[count] = 0x20; count += 1 }
                        pendingSpace = false
                        target[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }
}
