import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Reminders `nhipcau check` adds to the build's own checks: things that are not wrong today
/// but that an officer should look at before publishing.
enum ContentLint {
    static func reminders(_ site: Site) -> [Diagnostic] {
        site.policies.compactMap { policy in
            guard policy.replacedBy == nil, let expires = policy.expires, expires < site.today else { return nil }
            return .warning(SourceLocation(file: policy.document.file),
                vi: "Văn bản đã hết hiệu lực từ \(expires.dayMonthYear). Nếu có văn bản thay thế, thêm `replaced_by: tên-tệp` để người đọc tìm được văn bản mới.",
                en: "This policy expired on \(expires.iso). If another replaces it, add `replaced_by: file-name` so readers find the new one.")
        }
    }
}
