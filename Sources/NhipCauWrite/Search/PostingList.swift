/// One form's documents, written as a string of 64 URL- and JSON-safe digits; the script's
/// `postings` function reads it. Each posting is `doc << 2 | field` (field 1…3), sorted by document.
///
/// Two encodings, whichever is shorter:
/// - gaps: one varint per document, `(doc − previous − 1) × 3 + field − 1`, 5 bits a digit, least
///   significant first, the digit's 6th bit saying "more follows" (the first `previous` is −1);
/// - bitmap: `*`, the first document as a varint, then 3 documents a digit, 2 bits each (their
///   field, 0 for absent). Words on nearly every page ("người", "và") cost 1 byte per 3 pages.
enum PostingList {
    static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let bitmapMark = UInt8(ascii: "*")

    static func encode(_ postings: [UInt32], into out: inout [UInt8]) {
        guard let first = postings.first, let last = postings.last else { return }
        let firstDoc = first >> 2
        let span = Int(last >> 2 - firstDoc) + 1
        let bitmapLength = 1 + varintLength(firstDoc) + (span + 2) / 3
        if bitmapLength < gapLength(postings) {
            writeBitmap(postings, from: firstDoc, span: span, into: &out)
        } else {
            writeGaps(postings, into: &out)
        }
    }

    private static func gapValue(_ posting: UInt32, after previous: Int64) -> UInt32 {
        UInt32(Int64(posting >> 2) - previous - 1) * 3 + (posting & 3) - 1
    }

    private static func gapLength(_ postings: [UInt32]) -> Int {
        var previous: Int64 = -1
        var length = 0
        for posting in postings {
            length += varintLength(gapValue(posting, after: previous))
            previous = Int64(posting >> 2)
        }
        return length
    }

    private static func writeGaps(_ postings: [UInt32], into out: inout [UInt8]) {
        var previous: Int64 = -1
        for posting in postings {
            writeVarint(gapValue(posting, after: previous), into: &out)
            previous = Int64(posting >> 2)
        }
    }

    private static func writeBitmap(_ postings: [UInt32], from firstDoc: UInt32, span: Int, into out: inout [UInt8]) {
        out.append(bitmapMark)
        writeVarint(firstDoc, into: &out)
        var cells = [UInt8](repeating: 0, count: (span + 2) / 3)
        for posting in postings {
            let offset = Int(posting >> 2 - firstDoc)
            cells[offset / 3] |= UInt8(posting & 3) << (2 * (offset % 3))
        }
        for cell in cells { out.append(digits[Int(cell)]) }
    }

    static func varintLength(_ value: UInt32) -> Int {
        var length = 1
        var rest = value >> 5
        while rest > 0 {
            length += 1
            rest >>= 5
        }
        return length
    }

    static func writeVarint(_ value: UInt32, into out: inout [UInt8]) {
        var rest = value
        while rest >= 32 {
            out.append(digits[Int(rest & 31 | 32)])
            rest >>= 5
        }
        out.append(digits[Int(rest)])
    }
}
