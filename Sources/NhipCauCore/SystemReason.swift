import Foundation

/// Why reading or writing a file failed, in the officer's words rather than Foundation's
/// (`The operation could not be completed…` is English in a Vietnamese sentence, and says nothing).
public enum SystemReason {
    /// The plain reason for a file-system error: from its POSIX error number where one is known,
    /// else from Foundation's error code; a number-only fallback for anything else.
    public static func of(_ error: any Error) -> LocalizedText {
        if let code = errorNumber(of: error), let reason = posix(code) { return reason }
        if let cocoa = error as? CocoaError, let reason = cocoaReason(cocoa.code) { return reason }
        let number = errorNumber(of: error).map(Int.init) ?? (error as NSError).code
        return LocalizedText(vi: "lỗi của hệ điều hành (mã \(number))", en: "an operating-system error (code \(number))")
    }

    /// The errno behind `error`, when it carries one directly or as its underlying error.
    static func errorNumber(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        // On Linux the underlying error may be stored as a Swift error that `as? NSError` does not match.
        guard let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error else { return nil }
        if let posix = underlying as? POSIXError { return posix.code.rawValue }
        let underlyingNSError = underlying as NSError
        return underlyingNSError.domain == NSPOSIXErrorDomain ? Int32(underlyingNSError.code) : nil
    }

    public static func posix(_ code: Int32) -> LocalizedText? {
        switch code {
        case ENOENT: notFound
        case EACCES, EPERM: noPermission
        case ENOSPC, EDQUOT: diskFull
        case EROFS: readOnly
        case EEXIST: alreadyExists
        case ENAMETOOLONG: nameTooLong
        case ENOTDIR: LocalizedText(vi: "một phần của đường dẫn là tệp, không phải thư mục",
                                    en: "part of the path is a file, not a folder")
        case EISDIR: LocalizedText(vi: "đây là thư mục, không phải tệp", en: "it is a folder, not a file")
        case ELOOP: LocalizedText(vi: "đường dẫn có liên kết (symlink) vòng quanh", en: "the path has a symbolic link loop")
        case EIO: LocalizedText(vi: "lỗi đọc/ghi ổ đĩa; kiểm tra ổ đĩa hoặc USB", en: "a disk input/output error; check the disk or USB stick")
        case EMFILE, ENFILE: LocalizedText(vi: "mở quá nhiều tệp cùng lúc; đóng bớt chương trình rồi thử lại",
                                           en: "too many files are open; close some programs and try again")
        case EBUSY, ETXTBSY: LocalizedText(vi: "tệp đang được chương trình khác dùng", en: "another program is using the file")
        default: nil
        }
    }

    private static func cocoaReason(_ code: CocoaError.Code) -> LocalizedText? {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: notFound
        case .fileReadNoPermission, .fileWriteNoPermission: noPermission
        case .fileWriteOutOfSpace: diskFull
        case .fileWriteVolumeReadOnly: readOnly
        case .fileWriteFileExists: alreadyExists
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: nameTooLong
        case .fileReadTooLarge: LocalizedText(vi: "tệp quá lớn", en: "the file is too large")
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding:
            LocalizedText(vi: "nội dung tệp không đọc được", en: "the file's contents cannot be read")
        case .fileLocking: LocalizedText(vi: "tệp đang bị khóa bởi chương trình khác", en: "another program has locked the file")
        default: nil
        }
    }

    static let notFound = LocalizedText(vi: "không tìm thấy tệp hoặc thư mục", en: "the file or folder does not exist")
    static let noPermission = LocalizedText(
        vi: "không có quyền; kiểm tra quyền của thư mục, hoặc chọn thư mục khác",
        en: "permission denied; check the folder's permissions, or choose another folder")
    static let diskFull = LocalizedText(vi: "ổ đĩa đã đầy; xóa bớt tệp rồi thử lại", en: "the disk is full; free some space and try again")
    static let readOnly = LocalizedText(vi: "ổ đĩa chỉ cho đọc, không ghi được", en: "the disk is read-only")
    static let alreadyExists = LocalizedText(vi: "tệp đã có", en: "the file already exists")
    static let nameTooLong = LocalizedText(vi: "tên tệp hoặc đường dẫn quá dài hay không hợp lệ; dùng tên ngắn hơn",
                                           en: "the file name or path is too long or not allowed; use a shorter name")
}
