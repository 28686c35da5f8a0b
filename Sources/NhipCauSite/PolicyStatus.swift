import NhipCauCore
import NhipCauLoad

/// Whether a policy applies on a given day, as the register and the policy's banner show it.
public enum PolicyStatus: String, Sendable {
    case inForce = "in-force"
    case expired
    case notYet = "not-yet"

    public var label: LocalizedText {
        switch self {
        case .inForce: LocalizedText(vi: "Còn hiệu lực", en: "In force")
        case .expired: LocalizedText(vi: "Hết hiệu lực", en: "No longer in force")
        case .notYet: LocalizedText(vi: "Chưa có hiệu lực", en: "Not yet in force")
        }
    }
}

extension Policy {
    /// Replaced or past `expires`: expired. Before `effective` (or, without it, before `issued`): not yet.
    public func status(on day: SimpleDate) -> PolicyStatus {
        if replacedBy != nil { return .expired }
        if let expires, day > expires { return .expired }
        if day < (effective ?? issued) { return .notYet }
        return .inForce
    }
}
