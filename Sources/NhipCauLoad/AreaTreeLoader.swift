import NhipCauCore

/// Reads `content/areas.yml` (see `AreaTree`). Each problem names the file, the line and the key
/// path of the unit (`[0].areas[2]`, indexes from 0): a unit's id is given once, its kind is one of
/// the seven, a merger names another unit of the tree and its date, a contact can be reached.
enum AreaTreeLoader {
    static let keys = ["id", "name", "kind", "areas", "merged_into", "merged_on", "contacts", "bank", "sample"]
    static let contactKeys = ["role", "name", "phone", "email", "address", "hours"]
    static let bankKeys = ["name", "phone", "address"]

    /// The tree, nil when the site has no areas.yml. Read also when it has errors (`unusable` then
    /// names it), so that references to its units are judged against what it does hold.
    static func load(from content: any ContentReading, maxBytes: Int, diagnostics: inout Diagnostics,
                     unusable: inout Set<String>) -> AreaTree? {
        let file = AreaTree.file
        guard content.fileExists(file) else { return nil }
        let parsed = DocumentReader(content: content, maxBytes: maxBytes).readText(file)
            .flatMap { FrontMatter.parseDocument($0, file: file) }
        var decoder = AreaTreeDecoder(file: file)
        let tree: AreaTree
        switch parsed {
        case .failure(let problem):
            decoder.diagnostics.append(problem)
            tree = AreaTree(areas: [])
        case .success(let node):
            tree = decoder.tree(node)
        }
        if decoder.diagnostics.contains(where: { $0.severity == .error }) { unusable.insert(file) }
        diagnostics.append(contentsOf: decoder.diagnostics)
        return tree
    }
}

struct AreaTreeDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Id → where it was first written, for the duplicate check.
    private var seen: [String: SourceLocation] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func tree(_ node: YAMLNode?) -> AreaTree {
        guard case .sequence(let items)? = node?.value else {
            diagnostics.append(.error(SourceLocation(file: file, line: node?.location?.line ?? 1, column: node?.location?.column ?? 1), "tree.fileIsList"))
            return AreaTree(areas: [])
        }
        let tree = AreaTree(areas: readAreas(items, path: "", sample: false))
        diagnostics += checkMergers(tree)
        return tree
    }

    private func location(_ node: YAMLNode, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: node.location?.line, column: node.location?.column, jsonPath: path.isEmpty ? nil : path)
    }

    private func locate(_ problems: [Diagnostic], at path: String) -> [Diagnostic] {
        problems.map { problem in
            var located = problem
            if located.location.jsonPath == nil { located.location.jsonPath = path }
            return located
        }
    }

    private mutating func readAreas(_ items: [YAMLNode], path: String, sample: Bool) -> [TreeArea] {
        items.enumerated().compactMap { index, item in readArea(item, path: "\(path)[\(index)]", sample: sample) }
    }

    private mutating func readArea(_ node: YAMLNode, path: String, sample inherited: Bool) -> TreeArea? {
        guard case .mapping(let mapping) = node.value else {
            diagnostics.append(.error(location(node, path), "tree.unitIsMapping"))
            return nil
        }
        var fields = FrontMatter.of(mapping, file: file)
        let id = requiredText(&fields, "id", example: "ninh-son", node: node, path: path).flatMap { checkId($0, fields, path: path) }
        let name = requiredText(&fields, "name", example: "Huyện Ninh Sơn", node: node, path: path)
        let kind = readKind(&fields, node: node, path: path)
        let merger = readMerger(&fields, path: path)
        let sample = inherited || fields.bool("sample")
        let contacts = (fields.sequence("contacts", example: "\n  - role: …") ?? []).enumerated().compactMap { index, item in
            readContact(item, path: "\(path).contacts[\(index)]")
        }
        let bank = readBank(&fields, path: path)
        let children = readAreas(fields.sequence("areas", example: "\n  - id: …") ?? [], path: path + ".areas", sample: sample)
        fields.warnUnknownKeys(allowed: AreaTreeLoader.keys)
        diagnostics += locate(fields.diagnostics, at: path)
        guard let id, let name, let kind else { return nil }
        return TreeArea(id: id, name: name, kind: kind, areas: children, mergedInto: merger.into, mergedOn: merger.on,
                        contacts: contacts, bank: bank, sample: sample, location: location(node, path))
    }

    private mutating func requiredText(_ fields: inout FrontMatter, _ key: String, example: String, node: YAMLNode, path: String) -> String? {
        guard let text = fields.text(key) else {
            diagnostics.append(.error(location(node, path), "tree.keyMissing", ["key": "\(key)", "example": "\(example)"]))
            return nil
        }
        return text
    }

    private mutating func checkId(_ id: String, _ fields: FrontMatter, path: String) -> String? {
        var here = fields.location(of: "id")
        here.jsonPath = path + ".id"
        guard VietnameseText.isValidSlug(id) else {
            diagnostics.append(.error(here, "load.idNotValidUse", ["value": "\(id)", "slug": "\(VietnameseText.slug(id))"]))
            return nil
        }
        if let first = seen[id] {
            diagnostics.append(.error(here, "tree.duplicateId", ["id": "\(id)", "line": "\(first.line ?? 0)", "path": "\(first.jsonPath ?? "")"]))
            return nil
        }
        seen[id] = here
        return id
    }

    private mutating func readKind(_ fields: inout FrontMatter, node: YAMLNode, path: String) -> AreaUnitKind? {
        guard let raw = requiredText(&fields, "kind", example: "huyen", node: node, path: path) else { return nil }
        guard let kind = AreaUnitKind(rawValue: raw) else {
            var here = fields.location(of: "kind")
            here.jsonPath = path + ".kind"
            let kinds = AreaUnitKind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.error(here, "tree.unknownKind", ["kind": "\(raw)", "kinds": "\(kinds)"]))
            return nil
        }
        return kind
    }

    /// `merged_into` and `merged_on` go together: where the unit went, and from which day.
    private mutating func readMerger(_ fields: inout FrontMatter, path: String) -> (into: Located<String>?, on: SimpleDate?) {
        let into = fields.text("merged_into")
        let on = fields.date("merged_on")
        if let into, !fields.has("merged_on") {
            var here = fields.location(of: "merged_into")
            here.jsonPath = path + ".merged_into"
            diagnostics.append(.error(here, "tree.mergedIntoWithoutDate", ["unit": "\(into)"]))
        }
        if let on, !fields.has("merged_into") {
            var here = fields.location(of: "merged_on")
            here.jsonPath = path + ".merged_on"
            diagnostics.append(.error(here, "tree.mergedOnWithoutUnit", ["day": "\(on.iso)"]))
        }
        var intoLocation = fields.location(of: "merged_into")
        intoLocation.jsonPath = path + ".merged_into"
        return (into.map { Located($0, at: intoLocation) }, on)
    }

    private mutating func readContact(_ node: YAMLNode, path: String) -> AreaContact? {
        guard case .mapping(let mapping) = node.value else {
            diagnostics.append(.error(location(node, path), "tree.contactIsMapping"))
            return nil
        }
        var fields = FrontMatter.of(mapping, file: file)
        let role = requiredText(&fields, "role", example: "Cán bộ Lao động – Thương binh và Xã hội", node: node, path: path)
        let contact = AreaContact(role: role ?? "", name: fields.text("name"), phone: fields.text("phone"),
                                  email: fields.text("email"), address: fields.text("address"), hours: fields.text("hours"))
        if contact.phone == nil, contact.email == nil, contact.address == nil {
            diagnostics.append(.error(location(node, path), "tree.contactUnreachable"))
        }
        checkPhone(contact.phone, fields, path: path)
        fields.warnUnknownKeys(allowed: AreaTreeLoader.contactKeys)
        diagnostics += locate(fields.diagnostics, at: path)
        return role == nil ? nil : contact
    }

    private mutating func readBank(_ fields: inout FrontMatter, path: String) -> BankOffice? {
        guard var bank = fields.mapping("bank") else { return nil }
        let name = bank.text("name")
        if name == nil {
            var here = fields.location(of: "bank")
            here.jsonPath = path + ".bank"
            diagnostics.append(.error(here, "tree.keyMissing", ["key": "name", "example": "Ngân hàng Chính sách xã hội – Phòng giao dịch huyện Ninh Sơn"]))
        }
        let phone = bank.text("phone")
        let office = name.map { BankOffice(name: $0, phone: phone, address: bank.text("address")) }
        checkPhone(phone, bank, path: path + ".bank")
        bank.warnUnknownKeys(allowed: AreaTreeLoader.bankKeys)
        diagnostics += locate(bank.diagnostics, at: path + ".bank")
        return office
    }

    /// A number no phone in Vietnam can dial is probably a typo; the page still shows it as written.
    private mutating func checkPhone(_ phone: String?, _ fields: FrontMatter, path: String) {
        guard let phone, PhoneNumber(phone) == nil else { return }
        var here = fields.location(of: "phone")
        here.jsonPath = path + ".phone"
        diagnostics.append(.warning(here, "tree.phoneNotVietnamese", ["phone": "\(phone)"]))
    }

    /// `merged_into` names another unit of the tree, and following mergers never comes back to a unit.
    private func checkMergers(_ tree: AreaTree) -> [Diagnostic] {
        let units = tree.allAreas
        let target = Dictionary(units.compactMap { unit in unit.mergedInto.map { (unit.id, $0.value) } }, uniquingKeysWith: { first, _ in first })
        let ids = Set(units.map(\.id))
        var problems: [Diagnostic] = []
        for unit in units {
            guard let into = unit.mergedInto else { continue }
            if into.value == unit.id {
                problems.append(.error(into.location, "tree.mergedIntoItself", ["id": "\(unit.id)"]))
            } else if !ids.contains(into.value) {
                let list = ids.sorted().prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", …" : "")
                problems.append(.error(into.location, "tree.mergedIntoUnknown", ["unit": "\(into.value)", "list": "\(list)"]))
            } else if let chain = cycle(from: unit.id, target: target) {
                problems.append(.error(into.location, "tree.mergedIntoCycle", ["chain": "\(chain.joined(separator: " → "))"]))
            }
        }
        return problems
    }

    /// The ids met following `merged_into` from `start` when that comes back to `start`.
    private func cycle(from start: String, target: [String: String]) -> [String]? {
        var chain = [start]
        var current = start
        while let next = target[current], next != current {
            chain.append(next)
            if next == start { return chain }
            if chain.dropLast().contains(next) { return nil } // a loop further on, reported from its own units
            current = next
        }
        return nil
    }
}
