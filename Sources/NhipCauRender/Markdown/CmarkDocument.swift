import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed CommonMark document: owns cmark's tree and frees it. Not shared between threads:
/// each page parses its own.
final class CmarkDocument {
    private let root: OpaquePointer

    init?(markdown: String) {
        let parsed = markdown.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_SMART) }
        guard let parsed else { return nil }
        root = parsed
    }

    deinit { cmark_node_free(root) }

    /// Every node, in document order. Collected first so that callers may change the tree.
    func nodes() -> [CmarkNode] {
        var found: [CmarkNode] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                found.append(CmarkNode(pointer: node))
            }
        }
        return found
    }

    /// HTML for the document. Raw HTML written by officers is omitted unless `allowRawHTML`;
    /// blocks the tool put in itself (custom blocks) are always written.
    func html(allowRawHTML: Bool) -> String {
        let options = CMARK_OPT_SMART | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// A node of a `CmarkDocument`; valid only while its document lives.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    var headingLevel: Int {
        get { Int(cmark_node_get_heading_level(pointer)) }
        nonmutating set { _ = cmark_node_set_heading_level(pointer, Int32(newValue)) }
    }

    var children: [CmarkNode] {
        var found: [CmarkNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            found.append(CmarkNode(pointer: current))
            child = cmark_node_next(current)
        }
        return found
    }

    /// The text a reader sees in this node and below: for alt text, summaries and search.
    var plainText: String {
        var text = ""
        guard let iterator = cmark_iter_new(pointer) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                if event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator), Self.isBlock(cmark_node_get_type(node)) {
                    text += " "
                }
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    /// Replaces this node with HTML the tool generated (a chart, a table). The node is freed.
    func replace(withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = cmark_node_set_on_enter(block, html)
        _ = cmark_node_replace(pointer, block)
        cmark_node_free(pointer)
    }

    /// Replaces this inline node (an image) with HTML the tool generated (a `<picture>`). The node is freed.
    func replaceInline(withHTML html: String) {
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        _ = cmark_node_set_on_enter(inline, html)
        _ = cmark_node_replace(pointer, inline)
        cmark_node_free(pointer)
    }

    /// The HTML of this node's children, as cmark writes them inside it (for a heading: its text,
    /// emphasis and links).
    func childrenHTML(allowRawHTML: Bool) -> String {
        let options = CMARK_OPT_SMART | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        return children.map { child in
            guard let rendered = cmark_render_html(child.pointer, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }.joined()
    }

    /// Removes a link but keeps what it says: `[text](javascript:…)` becomes `text`. The node is freed.
    func unwrap() {
        for child in children { _ = cmark_node_insert_before(pointer, child.pointer) }
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
