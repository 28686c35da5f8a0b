import Foundation
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
}

/// Markdown → HTML through cmark's tree: links are rewritten to relative URLs and checked,
/// unsafe URLs dropped, fenced blocks with a known info string replaced, headings shifted
/// below the page's own `h1`.
public struct MarkdownRenderer: Sendable {
    let site: Site
    let blockHandlers: [String: FencedBlockHandler]
    let offline: Bool

    public init(site: Site, blockHandlers: [String: FencedBlockHandler], offline: Bool) {
        self.site = site
        self.blockHandlers = blockHandlers
        self.offline = offline
    }

    /// - Parameters:
    ///   - file: the content file, for resolving relative links and naming it in errors.
    ///   - firstLine: the line of `file` where `markdown` starts.
    ///   - page: where the HTML will be published, for making links relative.
    public func render(_ markdown: String, file: String, firstLine: Int, page: Route) -> RenderedMarkdown {
        if let tooComplex = MarkdownLimits.check(markdown, file: file, firstLine: firstLine) {
            return RenderedMarkdown(html: "", plainText: "", diagnostics: [tooComplex])
        }
        guard let document = CmarkDocument(markdown: markdown) else {
            return RenderedMarkdown(html: "", plainText: "", diagnostics: [.error(SourceLocation(file: file),
                vi: "Không đọc được nội dung Markdown.", en: "The Markdown could not be read.")])
        }
        var diagnostics: [Diagnostic] = []
        var firstRawHTML: SourceLocation?
        let nodes = document.nodes()
        let plainText = nodes.first.map { $0.plainText } ?? ""
        shiftHeadings(nodes)
        for node in nodes {
            let location = SourceLocation(file: file, line: firstLine + node.line - 1, column: node.column)
            switch node.type {
            case CMARK_NODE_LINK:
                rewriteLink(node, at: location, page: page, diagnostics: &diagnostics)
            case CMARK_NODE_IMAGE:
                rewriteImage(node, at: location, page: page, diagnostics: &diagnostics)
            case CMARK_NODE_CODE_BLOCK:
                replaceFencedBlock(node, at: location, diagnostics: &diagnostics)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if site.config.allowRawHTML && firstRawHTML == nil { firstRawHTML = location }
            default:
                break
            }
        }
        if let firstRawHTML { diagnostics.append(Self.rawHTMLPassedThrough(at: firstRawHTML)) }
        return RenderedMarkdown(html: document.html(allowRawHTML: site.config.allowRawHTML),
                                plainText: collapseWhitespace(plainText), diagnostics: diagnostics)
    }

    /// Raw HTML is published as written (cmark gives it as an opaque string; checking its links
    /// would need a full HTML parser), so each file with some is named once, at its first.
    static func rawHTMLPassedThrough(at location: SourceLocation) -> Diagnostic {
        .warning(location,
            vi: "Tệp này có HTML viết tay (từ chỗ này). Vì site.yml có `allow_raw_html: true`, HTML được đưa nguyên vào trang, kể cả liên kết `javascript:` và mã chạy trên máy người đọc: công cụ không kiểm tra phần này. Chỉ giữ HTML do người biên tập tin cậy viết, hoặc thay bằng Markdown.",
            en: "This file has hand-written HTML (from here). With `allow_raw_html: true` in site.yml it goes into the page unchanged, `javascript:` links and scripts included: the tool does not check it. Keep only HTML written by trusted editors, or use Markdown instead.")
    }

    private func rewriteLink(_ node: CmarkNode, at location: SourceLocation, page: Route, diagnostics: inout [Diagnostic]) {
        switch site.resolveLink(node.url, from: location.file) {
        case .route(let route, let suffix):
            node.url = page.href(to: route, offline: offline) + suffix
        case .unchanged:
            break
        case .unsafe:
            diagnostics.append(.warning(location,
                vi: "Đã bỏ liên kết `\(node.url)`: loại liên kết này có thể chạy mã độc trên máy người đọc. Chỉ dùng liên kết http(s), mailto, tel hoặc tới trang trong web.",
                en: "Dropped the link `\(node.url)`: such links can run harmful code on readers' devices. Use http(s), mailto, tel, or links to pages of the site."))
            node.unwrap()
        case .missing(let reason):
            diagnostics.append(Diagnostic(.error, location, reason))
        }
    }

    private func rewriteImage(_ node: CmarkNode, at location: SourceLocation, page: Route, diagnostics: inout [Diagnostic]) {
        if node.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.warning(location,
                vi: "Ảnh `\(node.url)` chưa có mô tả. Viết mô tả trong ngoặc vuông: `![Chị Lan tại xưởng may](…)`.",
                en: "The image `\(node.url)` has no description. Write one in the brackets: `![A worker at the factory](…)`."))
        }
        rewriteLink(node, at: location, page: page, diagnostics: &diagnostics)
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
