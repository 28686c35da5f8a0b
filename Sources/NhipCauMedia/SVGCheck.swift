#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// An SVG is a program as much as a picture: opened on its own (a link to it, "open image in new
/// tab") a browser runs its scripts. One copied from the web can also fetch files from elsewhere,
/// which tells that server who reads the page. So an SVG is published only when it holds none of:
/// `<script>`, event-handler attributes (`onload=…`), `javascript:` URLs, `<foreignObject>` (HTML
/// inside the picture), embedded frames, entities, or references outside the file.
public enum SVGCheck {
    public static func problems(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        inspect(bytes, file: file).problems
    }

    /// The problems, and the picture's size from the root `<svg>`'s `width`/`height` (or its `viewBox`).
    static func inspect(_ bytes: [UInt8], file: String) -> (problems: [Diagnostic], size: (width: Int, height: Int)?) {
        var scanner = Scanner(scalars: Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), file: file)
        scanner.run()
        return (scanner.found, scanner.rootSize)
    }

    /// `640`, `640px`, `640.5` → 641; percentages and other units say nothing of the size.
    static func length(_ text: String?) -> Double? {
        guard var text = text?.trimmedOfWhitespace else { return nil }
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let value = Double(text), value > 0, value.isFinite else { return nil }
        return value
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        let file: String
        var index = 0
        var line = 1
        var column = 1
        var found: [Diagnostic] = []
        /// Inside `<style>`, whose text can load files too (`@import`, `url(…)`).
        var inStyle = false
        var rootSize: (width: Int, height: Int)?
        private var seenRoot = false

        init(scalars: [Unicode.Scalar], file: String) {
            self.scalars = scalars
            self.file = file
        }

        mutating func run() {
            var styleText = ""
            var styleStart = (line, column)
            while index < scalars.count {
                if scalars[index] == "<" {
                    if inStyle { check(css: styleText, at: styleStart); styleText = "" }
                    markup()
                    styleStart = (line, column)
                } else {
                    if inStyle { styleText.unicodeScalars.append(scalars[index]) }
                    advance()
                }
            }
        }

        private mutating func advance(_ count: Int = 1) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }

        private func starts(with text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard index + wanted.count <= scalars.count else { return false }
            return zip(scalars[index..<index + wanted.count], wanted).allSatisfy { String($0).lowercased() == String($1).lowercased() }
        }

        /// Everything up to and including `end`, which it returns without.
        private mutating func take(until end: String) -> String {
            var text = ""
            while index < scalars.count, !starts(with: end) {
                text.unicodeScalars.append(scalars[index])
                advance()
            }
            advance(end.unicodeScalars.count)
            return text
        }

        private mutating func markup() {
            let start = (line, column)
            if starts(with: "<!--") { advance(4); _ = take(until: "-->"); return }
            if starts(with: "<![CDATA[") {
                advance(9)
                let text = take(until: "]]>")
                if inStyle { check(css: text, at: start) }
                return
            }
            if starts(with: "<!") {
                let declaration = take(until: ">")
                if declaration.uppercased().contains("ENTITY") || declaration.contains("[") {
                    report(start, "media.entityDeclarationEntityCan",
                           remove: LocalizedText("media.deletePartDoctypeLine"))
                }
                return
            }
            if starts(with: "<?") {
                let instruction = take(until: "?>")
                if instruction.lowercased().hasPrefix("?xml-stylesheet") {
                    report(start, "media.xmlStylesheetLineLoads",
                           remove: LocalizedText("media.deleteLine"))
                }
                return
            }
            advance()
            if index < scalars.count, scalars[index] == "/" {
                let name = take(until: ">").dropFirst().trimmedOfWhitespace
                if localName(name) == "style" { inStyle = false }
                return
            }
            element(start)
        }

        private mutating func element(_ start: (Int, Int)) {
            let name = readName()
            let local = localName(name)
            if ["script", "foreignobject", "iframe", "embed", "object"].contains(local) {
                let why = LocalizedText(local == "script" ? "media.svgScript" : local == "foreignobject" ? "media.svgForeignObject" : "media.svgEmbedded")
                report(start, "media.svgElement", ["name": "\(name)", "why": .message(why)],
                       remove: LocalizedText("media.deleteElementEverythingUp", ["name": "\(name)"]))
            }
            var selfClosing = false
            var attributes: [String: String] = [:]
            while index < scalars.count {
                skipSpace()
                guard index < scalars.count else { break }
                if scalars[index] == ">" { advance(); break }
                if scalars[index] == "/" { selfClosing = true; advance(); continue }
                let at = (line, column)
                let attribute = readName()
                if attribute.isEmpty { advance(); continue }
                skipSpace()
                var value = ""
                if index < scalars.count, scalars[index] == "=" {
                    advance()
                    skipSpace()
                    value = readValue()
                }
                check(attribute: attribute, value: Self.decodeEntities(value), at: at)
                attributes[attribute.lowercased()] = value
            }
            if local == "svg" && !seenRoot {
                seenRoot = true
                rootSize = Self.size(attributes)
            }
            if local == "style" && !selfClosing { inStyle = true }
        }

        private mutating func check(attribute: String, value: String, at: (Int, Int)) {
            let local = localName(attribute)
            let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            if local.hasPrefix("on") {
                report(at, "media.attributeCodeRunEvent", ["attribute": "\(attribute)"],
                       remove: LocalizedText("media.deleteAttribute", ["attribute": "\(attribute)"]))
            } else if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
                report(at, "media.javascriptUrl", ["attribute": "\(attribute)"],
                       remove: LocalizedText("media.deleteAttribute", ["attribute": "\(attribute)"]))
            } else if ["href", "src"].contains(local), !Self.isInside(squeezed) {
                report(at, "media.referenceOutsideFile", ["attribute": "\(attribute)", "value": "\(value)"],
                       remove: LocalizedText("media.deleteReferencePutWhat"))
            } else if local == "style" {
                check(css: value, at: at)
            }
        }

        private mutating func check(css: String, at: (Int, Int)) {
            let lower = String(String.UnicodeScalarView(css.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            var external = lower.contains("@import")
            var rest = lower[...]
            while let open = rest.firstRange(of: "url(") {
                let target = rest[open.upperBound...].drop { $0 == "\"" || $0 == "'" }
                if !Self.isInside(String(target)) { external = true }
                rest = rest[open.upperBound...]
            }
            if external {
                report(at, "media.stylesLoadAnotherFile",
                       remove: LocalizedText("media.deleteImportUrl"))
            }
        }

        static func size(_ attributes: [String: String]) -> (width: Int, height: Int)? {
            let box = (attributes["viewbox"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            let boxSize = box.count == 4 && box[2] > 0 && box[3] > 0 ? (box[2], box[3]) : nil
            var width = SVGCheck.length(attributes["width"]), height = SVGCheck.length(attributes["height"])
            if let (boxWidth, boxHeight) = boxSize {
                if width == nil, let height { width = height * boxWidth / boxHeight }
                if height == nil, let width { height = width * boxHeight / boxWidth }
                width = width ?? boxWidth
                height = height ?? boxHeight
            }
            guard let width, let height else { return nil }
            return (Int(width.rounded()), Int(height.rounded()))
        }

        /// `#id` within the file, or an embedded raster picture.
        static func isInside(_ url: String) -> Bool {
            url.hasPrefix("#") || ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { url.hasPrefix($0) }
        }

        /// `what` is the message naming the element or attribute; `remove` says what to delete.
        private mutating func report(_ at: (Int, Int), _ what: String, _ arguments: [String: MessageArgument] = [:], remove: LocalizedText) {
            found.append(.error(SourceLocation(file: file, line: at.0, column: at.1), "media.svgIsCode",
                                ["what": .message(LocalizedText(what, arguments)), "remove": .message(remove)]))
        }

        private mutating func skipSpace() {
            while index < scalars.count, scalars[index].properties.isWhitespace { advance() }
        }

        private mutating func readName() -> String {
            var name = ""
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar.properties.isWhitespace || scalar == ">" || scalar == "/" || scalar == "=" { break }
                name.unicodeScalars.append(scalar)
                advance()
            }
            return name
        }

        private mutating func readValue() -> String {
            guard index < scalars.count else { return "" }
            let quote = scalars[index]
            if quote == "\"" || quote == "'" {
                advance()
                return take(until: String(quote))
            }
            return readName()
        }

        private func localName(_ name: String) -> String {
            String(name.split(separator: ":").last ?? "").lowercased()
        }

        /// `&#106;avascript:` is `javascript:` to a browser.
        static func decodeEntities(_ value: String) -> String {
            guard value.contains("&") else { return value }
            var result = ""
            var rest = value[...]
            while let amp = rest.firstIndex(of: "&") {
                result += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                guard let semi = after.prefix(12).firstIndex(of: ";") else { result += "&"; rest = after; continue }
                let entity = after[..<semi]
                let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
                if let text = named[String(entity).lowercased()] {
                    result += text
                } else if entity.hasPrefix("#"), let code = entity.lowercased().hasPrefix("#x")
                            ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()),
                          let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + entity + ";"
                }
                rest = after[after.index(after: semi)...]
            }
            return result + rest
        }
    }
}

extension StringProtocol {
    /// Without the white space (spaces, tabs, line breaks) at either end.
    var trimmedOfWhitespace: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
