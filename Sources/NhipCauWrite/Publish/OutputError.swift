import NhipCauCore

/// A problem with the output folder itself (not with the content).
public struct OutputError: Error, Sendable {
    public let message: LocalizedText

    init(vi: String, en: String) {
        message = LocalizedText(vi: vi, en: en)
    }
}
