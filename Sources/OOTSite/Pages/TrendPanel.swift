/// A backend's trend panel (issue 16): four charts of its last ``days`` UTC days of PR jobs from
/// the daily rollup (`oot_backend_trend`): pass rate, jobs per day, median queue time and median
/// duration, each day linked to its row on the trends page.
///
/// The numbers are in ``series`` (the page's `index.json`); ``charts`` is their drawing.
struct TrendPanel: Sendable, Encodable {
    /// One day's numbers.
    struct Day: Sendable, Encodable {
        /// `YYYY-MM-DD`, UTC.
        let day: String
        /// Completed PR jobs, every attempt.
        let total: Int64
        let successes: Int64
        let failures: Int64
        let timedOut: Int64
        let cancelled: Int64
        /// 0…1; `nil` without a completed job.
        let passRate: Double?
        /// Nearest-rank median queue time, seconds; `nil` when unknown.
        let queueP50Seconds: Double?
        /// Nearest-rank median duration (start to completion), seconds; `nil` when unknown.
        let durationP50Seconds: Double?
    }

    /// Days drawn, ending with the build's day.
    static let days: Int64 = 30

    let series: [Day]
    let charts: [TrendChart]
    /// The trends page (the numbers as a table, each day's failed jobs), relative to the page.
    let trendsHref: String
    /// `false` when no day has a completed job (the panel then says so instead of drawing).
    let hasData: Bool

    /// Draws `rows` (`oot_backend_trend`, oldest first).
    ///
    /// - Parameters:
    ///   - dayHref: the link of a day (`YYYY-MM-DD`) to its rows.
    ///   - passRateGuide: the pass rate marked with a dashed line (L3's bar), 0…1.
    init(rows: [OotBackendTrendRow], trendsHref: String, passRateGuide: Double, dayHref: (String) -> String) {
        series = rows.map {
            Day(
                day: $0.day, total: $0.total, successes: $0.successes, failures: $0.failures, timedOut: $0.timedOut,
                cancelled: $0.cancelled, passRate: $0.passRate, queueP50Seconds: $0.queueP50S,
                durationP50Seconds: $0.durationP50S)
        }
        self.trendsHref = trendsHref
        hasData = series.contains { $0.total > 0 }
        let days = series.map(\.day)
        let series = series
        func counts(_ i: Int) -> String {
            let day = series[i]
            return "\(day.total) jobs: \(day.successes) passed, \(day.failures) failed, \(day.timedOut) timed out"
        }
        func href(_ i: Int) -> String? { series[i].total > 0 ? dayHref(days[i]) : nil }
        charts = [
            TrendChart(
                id: "pass-rate", title: "PR pass rate", days: days, values: series.map(\.passRate), scale: .rate,
                bars: false,
                tooltip: {
                    "\(days[$0]): " + (series[$0].passRate.map(Format.percent) ?? "no jobs") + " (\(counts($0)))"
                },
                href: href,
                guide: (passRateGuide, "L3 \(Int((passRateGuide * 100).rounded()))%")),
            TrendChart(
                id: "jobs", title: "Jobs per day", days: days,
                values: series.map { $0.total > 0 ? Double($0.total) : nil }, scale: .count,
                bars: true, tooltip: { "\(days[$0]): \(counts($0))" }, href: href),
            TrendChart(
                id: "queue", title: "Queue time (p50)", days: days, values: series.map(\.queueP50Seconds),
                scale: .seconds, bars: false,
                tooltip: { "\(days[$0]): median queue \(Format.duration(series[$0].queueP50Seconds))" }, href: href),
            TrendChart(
                id: "duration", title: "Duration (p50)", days: days, values: series.map(\.durationP50Seconds),
                scale: .seconds, bars: false,
                tooltip: { "\(days[$0]): median duration \(Format.duration(series[$0].durationP50Seconds))" },
                href: href),
        ]
    }
}
