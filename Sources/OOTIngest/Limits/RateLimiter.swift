import Synchronization

/// A per-repo sliding-window rate limit (defence in depth; the relay has its own, spec §6).
///
/// Each `verified_repo` may have at most `limit` accepted callbacks in any 60-second window.
/// Only admitted callbacks count (the reference relay also counted rejected ones, which locks a
/// repo out for as long as it keeps retrying). Memory: at most `limit` timestamps per active repo.
public final class RateLimiter: Sendable {
    /// The outcome of ``admit(_:now:)``.
    public enum Decision: Equatable, Sendable {
        case allowed
        /// Over the limit; retry after this many whole seconds (≥ 1).
        case limited(retryAfter: Int)
    }

    /// Callbacks allowed per repo per window; 0 disables the limit.
    public let limit: Int
    /// The window, in seconds.
    public let window: Double
    private let windows = Mutex<[String: [Double]]>([:])

    /// Creates a limiter of `limit` callbacks per `window` seconds per repo.
    public init(limit: Int, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Admits or refuses one callback of `repo` at time `now` (seconds on any monotonic clock).
    public func admit(_ repo: String, now: Double) -> Decision {
        guard limit > 0 else { return .allowed }
        return windows.withLock { windows in
            var times = windows[repo] ?? []
            let cutoff = now - window
            if let firstInside = times.firstIndex(where: { $0 > cutoff }) {
                if firstInside > 0 { times.removeFirst(firstInside) }
            } else {
                times.removeAll(keepingCapacity: true)
            }
            guard times.count < limit else {
                windows[repo] = times
                return .limited(retryAfter: max(1, Int((times[0] + window - now).rounded(.up))))
            }
            times.append(now)
            windows[repo] = times
            if windows.count > 10_000 { windows = windows.filter { $0.value.last.map { $0 > cutoff } ?? false } }
            return .allowed
        }
    }
}
