import NhipCauCore

/// A suspension of an enterprise's licence by decision: from `from` to `to`, both days included.
public struct Suspension: Sendable, Hashable {
    public let from: SimpleDate
    public let to: SimpleDate
    /// The decision that ordered it (`Quyết định 45/QĐ-LĐTBXH`), as written.
    public let decision: String?

    public init(from: SimpleDate, to: SimpleDate, decision: String?) {
        self.from = from
        self.to = to
        self.decision = decision
    }

    public func contains(_ day: SimpleDate) -> Bool { from <= day && day <= to }
}

/// The withdrawal of a licence: from `date` on, the enterprise may no longer send workers.
public struct Revocation: Sendable, Hashable {
    public let date: SimpleDate
    public let decision: String?

    public init(date: SimpleDate, decision: String?) {
        self.date = date
        self.decision = decision
    }
}

/// Where an enterprise's licence stands on one day, as the register shows it.
public enum EnterpriseStatus: Sendable, Hashable {
    /// Đang hoạt động.
    case active
    /// Tạm đình chỉ đến `suspension.to`.
    case suspended(Suspension)
    /// Đã thu hồi giấy phép (on or after `revocation.date`).
    case revoked(Revocation)
    /// Chưa có giấy phép: the day is before `licence_issued` (the licence starts on `from`).
    case unlicensed(from: SimpleDate)

    /// Only an active enterprise may recruit and send workers on that day.
    public var isActive: Bool { self == .active }

    /// A stable name for files and CSS classes: `active`, `suspended`, `revoked`, `unlicensed`.
    public var code: String {
        switch self {
        case .active: "active"
        case .suspended: "suspended"
        case .revoked: "revoked"
        case .unlicensed: "unlicensed"
        }
    }

    /// The key of its words in the theme's wording (`enterprise.active`: "Đang hoạt động").
    public var wordingKey: String { "enterprise." + code }

    /// The decision behind a suspension or revocation, for "theo Quyết định …".
    public var decision: String? {
        switch self {
        case .suspended(let suspension): suspension.decision
        case .revoked(let revocation): revocation.decision
        case .active, .unlicensed: nil
        }
    }

    /// The day the status is about: the last day of a suspension, the day of a revocation,
    /// the first day of the licence; nil when active.
    public var day: SimpleDate? {
        switch self {
        case .suspended(let suspension): suspension.to
        case .revoked(let revocation): revocation.date
        case .unlicensed(let from): from
        case .active: nil
        }
    }
}

/// A service enterprise licensed (Law 69/2020/QH14) to send workers abroad under contract:
/// `content/enterprises/<slug>.md`, or a row of `content/enterprises/*.csv` (with an optional
/// `.md` of the same slug for its body).
public struct Enterprise: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    /// The full name, `Công ty Cổ phần Cung ứng Nhân lực Mẫu A`.
    public let name: String
    public let shortName: String?
    /// The licence number as written, `123/LĐTBXH-GP`.
    public let licence: String
    public let licenceIssued: SimpleDate
    /// Market slugs it is licensed to serve, each where it is written.
    public let markets: [Located<String>]
    public let address: String?
    /// Telephone numbers as written (a Vietnamese number is shown grouped, see `PhoneNumber`).
    public let phones: [String]
    public let email: String?
    public let website: String?
    public let taxCode: String?
    /// Suspensions, earliest first.
    public let suspensions: [Suspension]
    public let revoked: Revocation?
    public let sample: Bool
    /// Where `licence` is written, for the duplicate-licence error.
    public let licenceLocation: SourceLocation

    public init(document: ContentDocument, name: String, shortName: String?, licence: String, licenceIssued: SimpleDate,
                markets: [Located<String>], address: String?, phones: [String], email: String?, website: String?,
                taxCode: String?, suspensions: [Suspension], revoked: Revocation?, sample: Bool, licenceLocation: SourceLocation) {
        self.document = document
        self.name = name
        self.shortName = shortName
        self.licence = licence
        self.licenceIssued = licenceIssued
        self.markets = markets
        self.address = address
        self.phones = phones
        self.email = email
        self.website = website
        self.taxCode = taxCode
        self.suspensions = suspensions.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        self.revoked = revoked
        self.sample = sample
        self.licenceLocation = licenceLocation
    }

    /// The licence on `day`: revoked from the revocation day on; inside a suspension, suspended;
    /// before the licence was issued, unlicensed; else active.
    public func status(on day: SimpleDate) -> EnterpriseStatus {
        if let revoked, revoked.date <= day { return .revoked(revoked) }
        if day < licenceIssued { return .unlicensed(from: licenceIssued) }
        if let suspension = suspensions.last(where: { $0.contains(day) }) { return .suspended(suspension) }
        return .active
    }

    /// True when it may recruit and send workers on `day` (a job order or event dated then is allowed).
    public func isLicensed(on day: SimpleDate) -> Bool { status(on: day).isActive }

    /// The licence number as compared for duplicates and found by search: `123/LĐTBXH-GP`,
    /// `123/ldtbxh-gp` and `123 / LĐTBXH - GP` are one number (`123/ldtbxh-gp`).
    public var licenceKey: String { Self.licenceKey(licence) }

    public static func licenceKey(_ text: String) -> String {
        VietnameseText.fold(text).lowercased().filter { !$0.isWhitespace }
    }

    /// Its telephone numbers that are Vietnamese numbers (the others are shown as written).
    public var phoneNumbers: [PhoneNumber] { phones.compactMap(PhoneNumber.init) }

    /// The market slugs, without where they are written.
    public var marketSlugs: [String] { markets.map(\.value) }

    /// What the register calls it in a list: the short name when there is one.
    public var displayName: String { shortName ?? name }
}

extension Enterprise {
    public func replacingBody(with edit: BodyEdit) -> Enterprise { var copy = self; copy.document = document.replacingBody(with: edit); return copy }
}

/// A published warning (`content/warnings/<slug>.md`) about people, companies, phone numbers or
/// pages that recruit illegally, from the authority that issued it.
public struct Warning: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let date: SimpleDate
    /// The authority and document that issued it.
    public let source: String
    /// The people, companies, phone numbers, websites and Facebook/Zalo pages it names.
    public let names: [String]
    public let markets: [Located<String>]
    public let areas: [Located<String>]
    public let summary: String?
    public let sample: Bool

    public init(document: ContentDocument, title: String, date: SimpleDate, source: String, names: [String],
                markets: [Located<String>], areas: [Located<String>], summary: String?, sample: Bool) {
        self.document = document
        self.title = title
        self.date = date
        self.source = source
        self.names = names
        self.markets = markets
        self.areas = areas
        self.summary = summary
        self.sample = sample
    }

    /// The named items that are Vietnamese phone numbers (search finds them in any grouping).
    public var phoneNumbers: [PhoneNumber] { names.compactMap(PhoneNumber.init) }

    public func replacingBody(with edit: BodyEdit) -> Warning { var copy = self; copy.document = document.replacingBody(with: edit); return copy }
}
