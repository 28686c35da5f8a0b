import NhipCauCore

/// `/du-lieu/`: the data package described for people.
struct DataPackageView: Codable {
    let t: Wording
    /// "Số liệu tính đến ngày dd/mm/yyyy".
    let asOf: String
    let license: DataLicenseView?
    let files: [DataFileView]
    let columns: [DataColumnView]
    let indicators: [DataIndicatorView]
}

struct DataLicenseView: Codable {
    let name: String
    let href: String?
}

struct DataFileView: Codable {
    let label: String
    let href: String
    let format: String
    let title: String
    let description: String
    /// Rows of a table file, written as a number; nil for the descriptor.
    let rows: String?
}

struct DataColumnView: Codable {
    let file: String
    let name: String
    let type: String
    let description: String
}

struct DataIndicatorView: Codable {
    let plan: String
    let planHref: String
    /// `plan · indicator`, as the files write them.
    let id: String
    let name: String
    let unit: String
    let source: String?
    let responsible: String?
    let sample: Bool
}
