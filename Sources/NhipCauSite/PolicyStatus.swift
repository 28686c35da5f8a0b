import NhipCauCore
import NhipCauLoad

/// Whether a policy applies on a given day, as the register and the policy's banner show it.
public enum PolicyStatus: String, Sendable {
    case inForce = "in-force"
    case expired
    case notYet = "not-yet"

    /// The key of its label in the site's wording (`policy.inForce`: "Đang có hiệu lực").
    public var wordingKey: String {
        switch self {
        case .inForce: "policy.inForce"
        case .expired: "policy.expired"
        case .notYet: "policy.notYet"
        }
    }
}

extension Policy {
    /// The first day the policy applies: `effective`, or without it the day it was issued.
    public var inForceFrom: SimpleDate { effective ?? issued }

    /// Past `expires`, or replaced by a policy already in force: expired. Before `inForceFrom`: not yet.
    /// A replacement announced but not yet in force changes nothing until its own first day.
    public func status(on day: SimpleDate, replacement: Policy?) -> PolicyStatus {
        if let replacement, replacement.inForceFrom <= day { return .expired }
        if let expires, day > expires { return .expired }
        if day < inForceFrom { return .notYet }
        return .inForce
    }
}

extension Site {
    /// The policy named in `replaced_by`, if any.
    public func replacement(of policy: Policy) -> Policy? {
        policy.replacedBy.flatMap { policiesBySlug[$0.value] }
    }

    /// The policy's status on the build date.
    public func status(of policy: Policy) -> PolicyStatus {
        policy.status(on: today, replacement: replacement(of: policy))
    }

    /// The replacement's first day, when it is announced but not yet in force on the build date.
    public func pendingReplacement(of policy: Policy) -> (policy: Policy, from: SimpleDate)? {
        guard let replacement = replacement(of: policy), replacement.inForceFrom > today else { return nil }
        return (replacement, replacement.inForceFrom)
    }
}
