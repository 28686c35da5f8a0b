import NhipCauCore

/// `content/areas.yml`: the administrative units the site knows, with their local contacts and
/// the units merged away (2025: provinces merged, districts abolished). Optional: without it the
/// areas come from the plans.
public struct AreaTree: Sendable, Hashable {
    public static let file = "areas.yml"

    /// The top-level units, in file order.
    public let areas: [TreeArea]

    public init(areas: [TreeArea]) {
        self.areas = areas
    }

    /// Every unit at any depth, parents before their sub-units, in file order.
    public var allAreas: [TreeArea] { areas.flatMap { [$0] + $0.allSubAreas } }

    /// Id → name, for plans that leave an area's `name` out.
    public var names: [String: String] {
        Dictionary(allAreas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The kinds of unit, as `kind:` writes them.
public enum AreaUnitKind: String, Sendable, Hashable, CaseIterable {
    case tinh, huyen, thiXa = "thi-xa", thanhPho = "thanh-pho", xa, phuong, thiTran = "thi-tran"
}

/// One administrative unit of the tree.
public struct TreeArea: Sendable, Hashable {
    public let id: String
    public let name: String
    public let kind: AreaUnitKind
    public let areas: [TreeArea]
    /// The unit it was merged into (an id of the tree), for a unit that no longer exists.
    public let mergedInto: Located<String>?
    public let mergedOn: SimpleDate?
    public let contacts: [AreaContact]
    /// The Ngân hàng Chính sách xã hội office that lends for going abroad.
    public let bank: BankOffice?
    /// Contacts made up for the sample site; a sub-unit of a sample unit is one too.
    public let sample: Bool
    /// Where the unit is written, with its key path (`[0].areas[2]`).
    public let location: SourceLocation

    public init(id: String, name: String, kind: AreaUnitKind, areas: [TreeArea], mergedInto: Located<String>?, mergedOn: SimpleDate?,
                contacts: [AreaContact], bank: BankOffice?, sample: Bool, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areas = areas
        self.mergedInto = mergedInto
        self.mergedOn = mergedOn
        self.contacts = contacts
        self.bank = bank
        self.sample = sample
        self.location = location
    }

    public var allSubAreas: [TreeArea] { areas.flatMap { [$0] + $0.allSubAreas } }
}

/// Whom to call in a unit: at least one of phone, email, address is given.
public struct AreaContact: Sendable, Hashable {
    public let role: String
    public let name: String?
    /// As written; `phoneNumber` when it reads as a Vietnamese number.
    public let phone: String?
    public let phoneNumber: PhoneNumber?
    public let email: String?
    public let address: String?
    public let hours: String?

    public init(role: String, name: String?, phone: String?, email: String?, address: String?, hours: String?) {
        self.role = role
        self.name = name
        self.phone = phone
        self.phoneNumber = phone.flatMap(PhoneNumber.init)
        self.email = email
        self.address = address
        self.hours = hours
    }
}

/// The social-policy bank office that serves the unit.
public struct BankOffice: Sendable, Hashable {
    public let name: String
    public let phone: String?
    public let phoneNumber: PhoneNumber?
    public let address: String?

    public init(name: String, phone: String?, address: String?) {
        self.name = name
        self.phone = phone
        self.phoneNumber = phone.flatMap(PhoneNumber.init)
        self.address = address
    }
}
