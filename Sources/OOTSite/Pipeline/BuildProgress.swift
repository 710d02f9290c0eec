import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Progress of a long build on a terminal: the stage, items done out of the total and the rate,
/// redrawn on one line at most ten times a second.
///
/// Silent unless enabled (by default, when standard error is a TTY), so cron logs get only the
/// final summary line.
///
/// Thread-safe: parallel render workers report to one instance.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var stage = ""
    private var total = 0
    private var done = 0
    private var started = ContinuousClock.now
    private var drawn = ContinuousClock.now

    /// - Parameter enabled: Draw progress; defaults to whether standard error is a terminal.
    public init(enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
    }

    /// Starts a stage of `total` items (0 when unknown).
    public func start(_ stage: String, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.stage = stage
        self.total = total
        done = 0
        started = .now
        draw(force: true)
    }

    /// Counts `n` more items done.
    public func advance(_ n: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += n
        draw(force: false)
    }

    /// Ends the stage's line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard enabled, !stage.isEmpty else { return }
        draw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
        stage = ""
    }

    private func draw(force: Bool) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard force || now - drawn >= .milliseconds(100) else { return }
        drawn = now
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let count = total > 0 ? "\(done)/\(total)" : "\(done)"
        let line = "\r\u{1B}[K\(stage): \(count) (\(Int(rate))/s, \(String(format: "%.1f", seconds))s)"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
