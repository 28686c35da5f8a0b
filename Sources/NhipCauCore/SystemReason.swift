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
        return LocalizedText("core.operatingSystemErrorCode", ["number": "\(number)"])
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
        case ENOTDIR: LocalizedText("core.partPathFileNot")
        case EISDIR: LocalizedText("core.folderNotFile")
        case ELOOP: LocalizedText("core.pathSymbolicLinkLoop")
        case EIO: LocalizedText("core.diskInputOutputError")
        case EMFILE, ENFILE: LocalizedText("core.tooManyFilesOpen")
        case EBUSY, ETXTBSY: LocalizedText("core.anotherProgramUsingFile")
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
        case .fileReadTooLarge: LocalizedText("core.fileTooLarge")
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding:
            LocalizedText("core.fileSContentsCannot")
        case .fileLocking: LocalizedText("core.anotherProgramLockedFile")
        default: nil
        }
    }

    static let notFound = LocalizedText("core.fileFolderDoesNot")
    static let noPermission = LocalizedText("core.permissionDeniedCheckFolder")
    static let diskFull = LocalizedText("core.diskFullFreeSome")
    static let readOnly = LocalizedText("core.diskReadOnly")
    static let alreadyExists = LocalizedText("core.fileAlreadyExists")
    static let nameTooLong = LocalizedText("core.fileNamePathToo")
}
