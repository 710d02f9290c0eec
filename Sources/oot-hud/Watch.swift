import ArgumentParser
import Foundation
import OOTSite

/// `build --watch`: one build every interval, until the process is stopped.
///
/// Stopping it at any point is safe: a build publishes atomically, so a killed one leaves the
/// previous site served.
enum Watch {
    /// Parses `30s`, `2m`, `1h` or a plain number of seconds (at least 1 s).
    static func parseInterval(_ text: String) throws -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = text
        var scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count))
            scale = factor
            break
        }
        guard let value = Double(number), value * scale >= 1 else {
            throw ValidationError("--watch: expected an interval like 30s, 2m or 1h (at least 1 s), got \(text)")
        }
        return .milliseconds(Int64(value * scale * 1000))
    }

    /// Runs `build` every `interval` (measured start to start; a slow build delays the next, it
    /// never overlaps).
    ///
    /// A failed build is reported and the loop goes on.
    static func loop(every interval: Duration, _ build: () async throws -> Void) async throws {
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let start = clock.now
            do {
                try await build()
            } catch {
                FileHandle.standardError.write(Data("oot-hud build --watch: \(error)\n".utf8))
            }
            let next = start + interval
            if next > clock.now { try await clock.sleep(until: next) }
        }
    }
}
