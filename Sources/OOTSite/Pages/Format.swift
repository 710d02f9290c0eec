import OOTCore

/// Display rules shared by every page (spec §9 "Shared helpers").
public enum Format {
    /// CSS class of a conclusion chip (`conclusionColor`): `info` running, `success`,
    /// `error` failure, `warning` cancelled/timed_out, `default` anything else.
    public static func conclusionClass(status: String, conclusion: String?) -> String {
        if status == "in_progress" { return "info" }
        switch conclusion ?? "" {
        case "success": return "success"
        case "failure": return "error"
        case "cancelled", "timed_out": return "warning"
        default: return "default"
        }
    }

    /// Conclusions GitHub defines (spec §12 item 11); anything else is shown as `unknown`.
    public static let knownConclusions: Set<String> = [
        "success", "failure", "cancelled", "timed_out", "action_required", "neutral", "skipped", "stale",
    ]

    /// Chip text (`conclusionLabel`): `running` while in progress, else the conclusion (`unknown`
    /// for a value outside ``knownConclusions``, which stays verbatim in the tooltip and the
    /// database), else `no conclusion` for a completed job that sent `conclusion: null` (spec
    /// §14.3), else the status.
    public static func conclusionLabel(status: String, conclusion: String?) -> String {
        if status == "in_progress" { return "running" }
        if let conclusion, !conclusion.isEmpty { return knownConclusions.contains(conclusion) ? conclusion : "unknown" }
        return status == "completed" ? noConclusion : status
    }

    /// The word for a completed job without a conclusion (spec §14.3): never a success.
    public static let noConclusion = "no conclusion"

    /// The glyph of one test execution: `O` passed, `F` passed after a rerun in its report, `S`
    /// skipped, `X` failure or error.
    public static func testGlyph(outcome: String, flaky: Bool) -> String {
        switch outcome {
        case "passed": flaky ? "F" : "O"
        case "skipped": "S"
        default: "X"
        }
    }

    /// HUD glyph of a job (spec §9 `getConclusionChar`): `O` success, `X` failure, `C` cancelled,
    /// `T` timed_out, `N` neutral, `S` skipped, `?` running, `F` success after a failed attempt,
    /// `~` completed with no conclusion (HUD's "no data"), `U` any other conclusion.
    public static func glyph(status: String, conclusion: String?, passedAfterFailure: Bool = false) -> String {
        if status == "in_progress" { return "?" }
        switch conclusion ?? "" {
        case "success": return passedAfterFailure ? "F" : "O"
        case "failure": return "X"
        case "cancelled": return "C"
        case "timed_out": return "T"
        case "neutral": return "N"
        case "skipped": return "S"
        case "": return "~"
        default: return "U"
        }
    }

    /// Pass-rate chip class: `success` at ≥ 95 %, `warning` at ≥ 80 %, else `error` (spec §9).
    public static func passRateClass(_ rate: Double, green: Double = 0.95, yellow: Double = 0.80) -> String {
        rate >= green ? "success" : rate >= yellow ? "warning" : "error"
    }

    /// `rate` (0…1) as a percentage with one decimal, for example `95.0%`.
    public static func percent(_ rate: Double) -> String {
        let tenths = (rate * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    /// A duration in seconds, as the mockups show it: `33s`, `2m 14s`, `1h 59m`, `2d 3h`;
    /// `–` when unknown or zero.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds > 0 else { return "–" }
        if seconds < 10 { return "\(percentless(seconds))s" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(s % 60)s" }
        if s < 86_400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86_400)d \(s % 86_400 / 3600)h"
    }

    private static func percentless(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// How long before `now` the instant `time` was: `just now`, `5m ago`, `3h ago`, `2d ago`.
    public static func relative(_ time: UTCTimestamp?, now: UTCTimestamp) -> String {
        guard let time else { return "–" }
        let seconds = now.timeIntervalSince1970 - time.timeIntervalSince1970
        if seconds < 60 { return "just now" }
        if seconds < 3600 { return "\(Int(seconds / 60))m ago" }
        if seconds < 86_400 { return "\(Int(seconds / 3600))h ago" }
        return "\(Int(seconds / 86_400))d ago"
    }

    /// An absolute UTC time for titles and tooltips, for example `2026-06-01 10:15 UTC`.
    public static func absolute(_ time: UTCTimestamp?) -> String {
        guard let time else { return "–" }
        let text = time.description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
    }

    /// The first 7 characters of a SHA.
    public static func shortSHA(_ sha: String) -> String { String(sha.prefix(7)) }
}
