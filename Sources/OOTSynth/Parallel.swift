import Dispatch
import Foundation

/// Runs `body(i)` for `i` in `0..<count` on up to `workers` threads.
///
/// The results come back in index order, so the output never depends on scheduling. `body`
/// must only read shared state.
func parallelMap<T: Sendable>(_ count: Int, workers: Int, _ body: (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    if workers <= 1 || count == 1 { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    let chunks = min(count, workers * 8)
    withoutActuallyEscaping(body) { body in
        let work = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = count * chunk / chunks
            let upper = count * (chunk + 1) / chunks
            for i in lower..<upper { slots.set(i, work.value(i)) }
        }
    }
    return slots.take()
}

/// Fixed slots written by index from several threads (each slot by one thread only).
final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: T) { buffer[index] = value }

    func take() -> [T] { buffer.map { $0! } }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// A value handed across threads where the caller guarantees there is no concurrent mutation.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A value computed on a background thread, waited for later (one producer, one consumer).
final class Pending<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    /// Starts computing `work` on a global queue.
    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the value.
    func wait() -> T {
        done.wait()
        return result!
    }
}
