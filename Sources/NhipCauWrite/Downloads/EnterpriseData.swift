import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The enterprise register as open data: `/doanh-nghiep/doanh-nghiep.csv` (opens in Excel,
/// Vietnamese intact; its columns are those an officer's `enterprises/*.csv` takes, plus the
/// status as of the build date) and `/doanh-nghiep/doanh-nghiep.json` (the same, with lists as lists).
public enum EnterpriseData {
    static let columns = ["slug", "name", "short_name", "licence", "licence_issued", "status", "status_code", "status_day",
                          "status_decision", "markets", "address", "phone", "email", "website", "tax_code", "suspensions",
                          "revoked_date", "revoked_decision", "sample", "date"]

    /// Byte-order mark, CRLF, one row per enterprise in the register's order.
    /// - Parameter words: the site's wording, for the status in words (`enterprise.suspended`).
    public static func csv(_ site: Site, words: [String: String]) -> String {
        var text = "\u{FEFF}" + columns.map(PlanData.csvCell).joined(separator: ",")
        for enterprise in site.enterprises {
            text += "\r\n" + row(enterprise, site: site, words: words).map(PlanData.csvCell).joined(separator: ",")
        }
        return text + "\r\n"
    }

    static func row(_ enterprise: Enterprise, site: Site, words: [String: String]) -> [String] {
        let status = site.status(of: enterprise)
        return [
            enterprise.document.slug, enterprise.name, enterprise.shortName ?? "", enterprise.licence, enterprise.licenceIssued.iso,
            label(status, words: words), status.code, status.day?.iso ?? "", status.decision ?? "",
            enterprise.marketSlugs.joined(separator: ";"), enterprise.address ?? "",
            enterprise.phones.map { PhoneNumber($0)?.grouped ?? $0 }.joined(separator: ";"),
            enterprise.email ?? "", enterprise.website ?? "", enterprise.taxCode ?? "",
            enterprise.suspensions.map { "\($0.from.iso)..\($0.to.iso)" + ($0.decision.map { " " + $0 } ?? "") }.joined(separator: ";"),
            enterprise.revoked?.date.iso ?? "", enterprise.revoked?.decision ?? "", enterprise.sample ? "true" : "false", site.today.iso,
        ]
    }

    /// "Tạm đình chỉ đến 31/01/2027": the status as the pages write it.
    static func label(_ status: EnterpriseStatus, words: [String: String]) -> String {
        let pattern = words[status.wordingKey] ?? status.code
        return pattern.replacingOccurrences(of: "{date}", with: status.day?.dayMonthYear ?? "")
    }

    /// `{"date": …, "enterprises": [...]}`, keys in a fixed order, one enterprise a line.
    public static func json(_ site: Site, words: [String: String]) -> String {
        var bytes: [UInt8] = Array("{\"date\":".utf8)
        JSONText.append(site.today.iso, to: &bytes)
        bytes += Array(",\"enterprises\":[\n".utf8)
        for (index, enterprise) in site.enterprises.enumerated() {
            if index > 0 { bytes += Array(",\n".utf8) }
            appendEnterprise(enterprise, site: site, words: words, to: &bytes)
        }
        bytes += Array("\n]}\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEnterprise(_ enterprise: Enterprise, site: Site, words: [String: String], to bytes: inout [UInt8]) {
        let status = site.status(of: enterprise)
        var first = true
        func key(_ name: String) {
            bytes += Array((first ? "{" : ",").utf8)
            first = false
            JSONText.append(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
        func text(_ name: String, _ value: String?) {
            key(name)
            if let value { JSONText.append(value, to: &bytes) } else { bytes += Array("null".utf8) }
        }
        text("slug", enterprise.document.slug)
        text("name", enterprise.name)
        text("short_name", enterprise.shortName)
        text("licence", enterprise.licence)
        text("licence_issued", enterprise.licenceIssued.iso)
        key("status")
        bytes += Array("{\"code\":".utf8)
        JSONText.append(status.code, to: &bytes)
        bytes += Array(",\"label\":".utf8)
        JSONText.append(label(status, words: words), to: &bytes)
        bytes += Array(",\"day\":".utf8)
        if let day = status.day { JSONText.append(day.iso, to: &bytes) } else { bytes += Array("null".utf8) }
        bytes += Array(",\"decision\":".utf8)
        if let decision = status.decision { JSONText.append(decision, to: &bytes) } else { bytes += Array("null".utf8) }
        bytes.append(UInt8(ascii: "}"))
        key("markets")
        JSONText.appendArray(enterprise.marketSlugs, to: &bytes)
        text("address", enterprise.address)
        key("phones")
        JSONText.appendArray(enterprise.phones.map { PhoneNumber($0)?.grouped ?? $0 }, to: &bytes)
        text("email", enterprise.email)
        text("website", enterprise.website)
        text("tax_code", enterprise.taxCode)
        key("suspensions")
        bytes.append(UInt8(ascii: "["))
        for (index, suspension) in enterprise.suspensions.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += Array("{\"from\":".utf8)
            JSONText.append(suspension.from.iso, to: &bytes)
            bytes += Array(",\"to\":".utf8)
            JSONText.append(suspension.to.iso, to: &bytes)
            bytes += Array(",\"decision\":".utf8)
            if let decision = suspension.decision { JSONText.append(decision, to: &bytes) } else { bytes += Array("null".utf8) }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        key("revoked")
        if let revoked = enterprise.revoked {
            bytes += Array("{\"date\":".utf8)
            JSONText.append(revoked.date.iso, to: &bytes)
            bytes += Array(",\"decision\":".utf8)
            if let decision = revoked.decision { JSONText.append(decision, to: &bytes) } else { bytes += Array("null".utf8) }
            bytes.append(UInt8(ascii: "}"))
        } else {
            bytes += Array("null".utf8)
        }
        key("sample")
        bytes += Array((enterprise.sample ? "true" : "false").utf8)
        text("page", Routes.enterprise(enterprise.document.slug).description)
        bytes.append(UInt8(ascii: "}"))
    }
}
