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

/// Runs `first` and `second` at once, the second on another core when there is one; both results.
public func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = PairBox<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.first = first() } else { results.second = second() }
    }
    // concurrentPerform returns once both ran: each slot is set.
    guard let a = results.first, let b = results.second else { preconditionFailure("concurrentPerform skipped an iteration") }
    return (a, b)
}

/// Each slot written by one iteration only, read after both joined.
private final class PairBox<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}

/// Work on a thread of its own, outside Dispatch's pool, for a task that runs beside the build's
/// steps (listing the staging folder, reading or writing the build cache, making the theme), and
/// what it gave. On Dispatch's pool it would hold one of its threads, one per core, and
/// `concurrentPerform` (every `parallelMap`, `concurrently`) would then run on one core fewer for as
/// long as it lasts.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set once by the work, read only after `group` is done.
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        guard startThread({ [self] in
            value = work()
            group.leave()
        }) else {
            value = work()
            group.leave()
            return
        }
    }

    /// What the work gave, once it is done.
    public func wait() -> Value {
        group.wait()
        guard let value else { preconditionFailure("the work left no value") }
        return value
    }
}

/// The closure a new thread runs, passed to it through `pthread_create`'s context pointer.
private final class ThreadTask: @unchecked Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}

/// Runs `run` on a new detached thread; false when no thread could be made.
private func startThread(_ run: @escaping @Sendable () -> Void) -> Bool {
    let context = Unmanaged.passRetained(ThreadTask(run)).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { context in
        if let context { Unmanaged<ThreadTask>.fromOpaque(context).takeRetainedValue().run() }
        return nil
    }, context) == 0
    #else
    var thread: pthread_t?
    let started = pthread_create(&thread, nil, { context in
        Unmanaged<ThreadTask>.fromOpaque(context).takeRetainedValue().run()
        return nil
    }, context) == 0
    #endif
    guard started else {
        Unmanaged<ThreadTask>.fromOpaque(context).release()
        return false
    }
    #if canImport(Glibc)
    pthread_detach(thread)
    #else
    if let thread { pthread_detach(thread) }
    #endif
    return true
}
