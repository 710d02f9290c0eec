import OOTCore

/// A summary row's sparkline (issue 16): a backend's daily PR pass rate, last ``days`` UTC days.
///
/// Drawn as a small static SVG line (0–100 %), with the numbers for `index.json` and screen
/// readers. Days without a completed job are gaps.
struct Sparkline: Sendable, Encodable {
    /// One day's numbers.
    struct Day: Sendable, Encodable {
        /// `YYYY-MM-DD`, UTC.
        let day: String
        /// Completed PR jobs, every attempt.
        let total: Int64
        let successes: Int64
    }

    /// Days drawn, ending with the build's day.
    static let days: Int64 = 14
    /// The SVG's size, in user units (and CSS pixels): 6 a day over 14 days.
    static let width = 84
    static let height = 20

    let series: [Day]
    /// `points` of one polyline per run of consecutive days with jobs.
    let lines: [String]
    /// The latest day with jobs, drawn as a dot at (`lastX`, `lastY`); `nil` without one.
    let lastX: Int?
    let lastY: Int?
    /// Every day's pass rate in words, for the `<title>`.
    let label: String
    let hasData: Bool

    /// Draws `rows` (`oot_summary_trend` rows of one backend) over `days` (oldest first).
    init(days: [String], rows: [OotSummaryTrendRow]) {
        let byDay = Dictionary(rows.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        series = days.map { Day(day: $0, total: byDay[$0]?.total ?? 0, successes: byDay[$0]?.successes ?? 0) }
        let step = Double(Self.width) / Double(max(days.count, 1))
        let points = series.enumerated().map { (i, day) -> (x: Int, y: Int)? in
            guard day.total > 0 else { return nil }
            let x = Int(((Double(i) + 0.5) * step).rounded())
            let y = Int((2 + (1 - Double(day.successes) / Double(day.total)) * Double(Self.height - 4)).rounded())
            return (x, y)
        }
        lines = TrendChart.polylines(points)
        let last = points.last { $0 != nil } ?? nil
        lastX = last?.x
        lastY = last?.y
        hasData = last != nil
        label =
            "PR pass rate, last \(days.count) days: "
            + series.map {
                $0.total > 0
                    ? "\(TrendChart.dayLabel($0.day)) \(Format.percent(Double($0.successes) / Double($0.total)))"
                    : "\(TrendChart.dayLabel($0.day)) no jobs"
            }.joined(separator: ", ")
    }

    /// The `count` UTC days ending with the day of `now`, oldest first (`YYYY-MM-DD`).
    static func dayList(endingAt now: UTCTimestamp, count: Int64) -> [String] {
        (0..<count).reversed().map { String(now.adding(seconds: -Double($0) * 86_400).description.prefix(10)) }
    }
}
