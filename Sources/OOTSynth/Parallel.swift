import Dispatch
import Synchronization

/// Runs `body(i)` for `i` in `0..<count` on up to `workers` threads.
///
/// The results come back in index order, so the output never depends on scheduling. `body` is
/// `@Sendable`: it runs on several threads at once and may only read shared state. This blocks
/// the calling thread until every call has returned (`DispatchQueue.concurrentPerform`), so call it
/// from synchronous code (`oot-hud-synth`'s `main`), never from a task on Swift's cooperative pool.
func parallelMap<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    if workers <= 1 || count == 1 { return (0..<count).map(body) }
    let chunks = min(count, workers * 8)
    // Each chunk computes its slice into a local array and stores it under the lock once: one lock
    // per chunk (at most 8 per worker), not per item.
    let slices = Mutex<[[T]]>(Array(repeating: [], count: chunks))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let slice = (count * chunk / chunks..<count * (chunk + 1) / chunks).map(body)
        slices.withLock { $0[chunk] = slice }
    }
    return slices.withLock { slices in
        var results: [T] = []
        results.reserveCapacity(count)
        for slice in slices { results.append(contentsOf: slice) }
        return results
    }
}

/// A value computed on a background thread, waited for once (one producer, one consumer).
final class Pending<T: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<T?>(nil)

    /// Starts computing `work` on a global dispatch queue (a thread of its own, not a Swift task).
    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// Blocks the calling thread until the value is there, and returns it.
    ///
    /// Call it once: the value is handed over, not kept.
    func wait() -> T {
        done.wait()
        return result.withLock { value in
            guard let taken = value.take() else { preconditionFailure("Pending.wait() called twice") }
            return taken
        }
    }
}
