import Foundation
import OOTCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Progress of a long build on a terminal: the stage, items done out of the total and the rate,
/// redrawn on one line at most ten times a second.
///
/// Silent unless enabled (by default, when standard error is a TTY), so cron logs get only the
/// final summary line. Parallel render workers report to one instance; its state is behind a
/// `Mutex`.
public final class BuildProgress: Sendable {
    private struct State {
        var stage = ""
        var total = 0
        var done = 0
        var started = ContinuousClock.now
        var drawn = ContinuousClock.now
    }

    private let enabled: Bool
    private let state = Mutex(State())

    /// - Parameter enabled: Draw progress; defaults to whether standard error is a terminal.
    public init(enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
    }

    /// Starts a stage of `total` items (0 when unknown).
    public func start(_ stage: String, total: Int) {
        state.withLock { state in
            state.stage = stage
            state.total = total
            state.done = 0
            state.started = .now
            draw(&state, force: true)
        }
    }

    /// Counts `n` more items done.
    public func advance(_ n: Int = 1) {
        state.withLock { state in
            state.done += n
            draw(&state, force: false)
        }
    }

    /// Ends the stage's line.
    public func finish() {
        state.withLock { state in
            guard enabled, !state.stage.isEmpty else { return }
            draw(&state, force: true)
            FileHandle.standardError.write(Data("\n".utf8))
            state.stage = ""
        }
    }

    private func draw(_ state: inout State, force: Bool) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard force || now - state.drawn >= .milliseconds(100) else { return }
        state.drawn = now
        let seconds = (now - state.started).inSeconds
        let rate = seconds > 0 ? Double(state.done) / seconds : 0
        let count = state.total > 0 ? "\(state.done)/\(state.total)" : "\(state.done)"
        let line = "\r\u{1B}[K\(state.stage): \(count) (\(Int(rate))/s, \(String(format: "%.1f", seconds))s)"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
