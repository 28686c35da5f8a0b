import NhipCauCore

/// schema.org structured data as JSON-LD, written for a `<script type="application/ld+json">`
/// element. `JSONOut` keeps keys in the order given (byte-for-byte builds) and writes `<` as
/// `\u003c`, so no text can close the element.
enum JSONLD {
    static func script(_ value: JSONOut) -> String {
        "<script type=\"application/ld+json\">" + value.text + "</script>"
    }

    /// `@context` first, then the type, then the properties that have a value.
    static func thing(_ type: String, _ properties: [(String, JSONOut?)]) -> JSONOut {
        .fields([("@context", .string("https://schema.org")), ("@type", .string(type))] + properties)
    }
}
