import Foundation

/// The process's peak resident set so far (`VmHWM` in `/proc/self/status`), for
/// `build --query-stats`, which prints it after each stage to show which stage makes memory grow.
enum PeakMemory {
    /// Peak resident bytes of this process so far, or `nil` where `/proc` is not available.
    static var bytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            // "VmHWM:	  291828 kB"
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kib = Int(fields[1]) else { return nil }
            return kib * 1024
        }
        return nil
    }
}
