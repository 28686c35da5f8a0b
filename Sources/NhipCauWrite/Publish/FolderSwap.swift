#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanges two folders in one step, so that no moment exists when the published site is
/// missing: `renameat2(…, RENAME_EXCHANGE)` on Linux (3.15+, ext4, xfs, btrfs, tmpfs…),
/// `renamex_np(…, RENAME_SWAP)` on macOS. Elsewhere, or on a file system that cannot, the caller
/// falls back to two renames and repairs an interruption between them on the next build.
enum FolderSwap {
    enum Outcome: Equatable {
        case swapped
        /// The system or file system has no exchange; nothing was changed.
        case unsupported
        case failed(Int32)
    }

    static func exchange(_ first: String, _ second: String) -> Outcome {
        guard let result = systemExchange(first, second) else { return .unsupported }
        if result == 0 { return .swapped }
        let code = errno
        return [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP, EXDEV].contains(code) ? .unsupported : .failed(code)
    }
}

/// 0, or -1 with `errno`; nil when this system has no exchange call.
private func systemExchange(_ first: String, _ second: String) -> Int32? {
    #if os(Linux)
    return LinuxExchange.call(first, second)
    #elseif canImport(Darwin)
    return renamex_np(first, second, UInt32(RENAME_SWAP))
    #else
    return nil
    #endif
}

#if os(Linux)
/// Swift's Glibc module does not show `renameat2` (it needs `_GNU_SOURCE`), so it is looked up
/// by name (glibc 2.28+, musl); older C libraries get the system call through `syscall`.
private enum LinuxExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private typealias SystemCall = @convention(c) (Int, Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int

    private static let renameExchange: UInt32 = 1 << 1 // RENAME_EXCHANGE in <linux/fs.h>
    private static let atCurrentFolder: Int32 = -100 // AT_FDCWD

    #if arch(x86_64)
    private static let renameat2Number: Int? = 316
    #elseif arch(arm64)
    private static let renameat2Number: Int? = 276
    #else
    private static let renameat2Number: Int? = nil
    #endif

    /// Addresses as integers: function pointers are not `Sendable`, integers are.
    private static let wrapper: UInt? = symbol("renameat2")
    private static let systemCall: UInt? = symbol("syscall")

    private static func symbol(_ name: String) -> UInt? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return UInt(bitPattern: address)
    }

    /// The call's result (0 or -1 with `errno`), or nil when neither way exists here.
    static func call(_ first: String, _ second: String) -> Int32? {
        if let wrapper, let pointer = UnsafeRawPointer(bitPattern: wrapper) {
            let function = unsafeBitCast(pointer, to: RenameAt2.self)
            return function(atCurrentFolder, first, atCurrentFolder, second, renameExchange)
        }
        // `syscall` is variadic in C; glibc implements it in assembly that only moves registers,
        // so calling it with a fixed argument list is sound on x86_64 and arm64.
        if let systemCall, let number = renameat2Number, let pointer = UnsafeRawPointer(bitPattern: systemCall) {
            let function = unsafeBitCast(pointer, to: SystemCall.self)
            return Int32(truncatingIfNeeded: function(number, atCurrentFolder, first, atCurrentFolder, second, renameExchange))
        }
        return nil
    }
}
#endif
