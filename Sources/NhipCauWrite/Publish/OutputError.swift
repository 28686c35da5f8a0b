import NhipCauCore

/// A problem with the output folder itself (not with the content).
public struct OutputError: Error, Sendable {
    public let message: LocalizedText

    init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        message = LocalizedText(key, arguments)
    }
}
