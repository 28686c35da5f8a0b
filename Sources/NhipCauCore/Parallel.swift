import Dispatch

extension Array where Element: Sendable {
    /// Maps on every core, keeping order. `transform` must be safe to call concurrently.
    ///
    /// The result array's own storage is filled in place: the range of indices each worker
    /// initialises is its alone, and the array counts them as initialised only after every worker
    /// has joined. No shared Swift array is mutated from several threads.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, ProcessInfoCores.count * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let slots = Slots(start: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, count)
                guard start < end, let first = slots.start else { return }
                for index in start..<end { (first + index).initialize(to: transform(self[index])) }
            }
            initializedCount = count
        }
    }
}

/// The result array's storage, handed to the workers; each writes only its own indices.
private struct Slots<T>: @unchecked Sendable {
    let start: UnsafeMutablePointer<T>?
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc) || canImport(Darwin)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
