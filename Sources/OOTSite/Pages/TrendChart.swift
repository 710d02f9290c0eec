/// One chart of a trend panel (issue 16): a daily series drawn as a static SVG, bars or a line,
/// with a y axis (0, the middle and the top, labelled), the first, middle and last day on the x
/// axis, a tooltip per day and, for screen readers, a `<title>` and a `<desc>` listing every value.
///
/// Coordinates are in the SVG's user units (``width`` × ``height``); the template only places
/// them. Days without a value are gaps: no bar, and the line breaks there.
struct TrendChart: Sendable, Encodable {
    /// A labelled position on an axis: `at` is a y coordinate (value ticks) or an x coordinate
    /// (day ticks).
    struct Tick: Sendable, Encodable {
        let at: Int
        let label: String
        /// The SVG `text-anchor`: `start` for the first day, `end` for the last (so neither is
        /// clipped), else `middle`.
        var anchor = "middle"
    }

    /// One day's mark: a bar or a dot, its tooltip, and the day's rows when linked.
    ///
    /// A bar has its top-left corner at (`x`, `y`) and is `width` × `height`; a dot is centred at
    /// (`x`, `y`). The day's whole column (from `hitX`, ``TrendChart/step`` wide) takes the
    /// pointer, so a short bar or a small dot is easy to hover and click.
    struct Mark: Sendable, Encodable {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let hitX: Int
        let label: String
        let href: String?
    }

    /// How a value is read, scaled and written.
    enum Scale: Sendable {
        /// A rate, 0…1, on a fixed 0–100 % axis.
        case rate
        /// A count of jobs, on an axis rounded up to 1, 2 or 5 × 10ⁿ.
        case count
        /// Seconds, on an axis rounded up to a round duration.
        case seconds
    }

    /// The SVG's size, in user units.
    static let width = 320
    static let height = 150
    /// The plot area inside it (left, right, top, bottom): 270 units wide, 9 a day over 30 days.
    static let plotLeft = 42
    static let plotRight = 312
    static let plotTop = 10
    static let plotBottom = 116

    /// Unique on its page (`<title>`/`<desc>` ids), for example `pass-rate`.
    let id: String
    let title: String
    /// The latest day's value in words (the card's headline), for example `96.2 %`, or `–`.
    let latest: String
    /// Every day's value in words, oldest first, for screen readers.
    let desc: String
    let bars: Bool
    let yTicks: [Tick]
    let xTicks: [Tick]
    /// `points` of one polyline per run of consecutive days with a value (line charts).
    let lines: [String]
    let marks: [Mark]
    /// A dashed guide (for example L3's 90 % on the pass-rate chart); `nil` when none.
    let guide: Tick?
    /// The axis line's ends, for the template.
    let left = plotLeft
    let right = plotRight
    let top = plotTop
    let bottom = plotBottom
    /// The y of the day labels.
    let labelY = plotBottom + 16
    let plotHeight = plotBottom - plotTop
    /// One day's width.
    let step: Int
    let viewBox = "0 0 \(width) \(height)"

    /// Draws `values` (one per day of `days`, oldest first; `nil` for a day without one).
    ///
    /// - Parameters:
    ///   - days: `YYYY-MM-DD` (UTC), oldest first.
    ///   - tooltip: the words for day `i` (its value and its counts).
    ///   - href: where day `i` links (the day's rows), or `nil`.
    ///   - guide: a value to mark with a dashed line, and its label.
    init(
        id: String, title: String, days: [String], values: [Double?], scale: Scale, bars: Bool,
        tooltip: (Int) -> String, href: (Int) -> String?, guide: (value: Double, label: String)? = nil
    ) {
        self.id = id
        self.title = title
        self.bars = bars
        let top = Self.axisTop(values.compactMap { $0 }, scale: scale)
        let plotHeight = Double(Self.plotBottom - Self.plotTop)
        let step = Double(Self.plotRight - Self.plotLeft) / Double(max(days.count, 1))
        self.step = Int(step.rounded())
        func y(_ value: Double) -> Int { Int((Double(Self.plotBottom) - value / top * plotHeight).rounded()) }
        func x(_ day: Int, _ offset: Double) -> Int {
            Int((Double(Self.plotLeft) + Double(day) * step + offset).rounded())
        }
        yTicks = [0, top / 2, top].map { Tick(at: y($0), label: Self.label($0, scale: scale, axis: true)) }
        let labelled = days.isEmpty ? [] : Array(Set([0, days.count / 2, days.count - 1])).sorted()
        xTicks = labelled.map { i in
            Tick(
                at: x(i, step / 2), label: Self.dayLabel(days[i]),
                anchor: i == 0 ? "start" : i == days.count - 1 ? "end" : "middle")
        }
        var marks: [Mark] = []
        var points: [(x: Int, y: Int)?] = []
        for (i, value) in values.enumerated() {
            guard let value else {
                points.append(nil)
                continue
            }
            if bars {
                let barWidth = Int((step * 0.7).rounded())
                let barTop = value > 0 ? min(y(value), Self.plotBottom - 1) : Self.plotBottom
                marks.append(
                    Mark(
                        x: x(i, (step - Double(barWidth)) / 2), y: barTop, width: barWidth,
                        height: Self.plotBottom - barTop, hitX: x(i, 0), label: tooltip(i), href: href(i)))
            } else {
                let centre = x(i, step / 2)
                marks.append(
                    Mark(x: centre, y: y(value), width: 0, height: 0, hitX: x(i, 0), label: tooltip(i), href: href(i)))
                points.append((centre, y(value)))
            }
        }
        self.marks = marks
        lines = Self.polylines(points)
        self.guide = guide.flatMap { $0.value <= top ? Tick(at: y($0.value), label: $0.label) : nil }
        latest = values.last.flatMap { $0 }.map { Self.label($0, scale: scale, axis: false) } ?? "–"
        let known = days.indices.filter { values[$0] != nil }
        desc =
            known.isEmpty
            ? "\(title): no data in the last \(days.count) days."
            : "\(title) by UTC day, last \(days.count) days (days without jobs left out): "
                + known.map { "\(days[$0]) \(Self.label(values[$0]!, scale: scale, axis: false))" }
                .joined(separator: "; ") + "."
    }

    /// The top of the value axis: 100 % for rates, else the largest value rounded up to a round
    /// number (at least 1 job, or 1 minute).
    static func axisTop(_ values: [Double], scale: Scale) -> Double {
        let largest = values.max() ?? 0
        switch scale {
        case .rate:
            return 1
        case .count:
            var unit = 1.0
            while true {
                for multiple in [1.0, 2, 5] where multiple * unit >= largest { return multiple * unit }
                unit *= 10
            }
        case .seconds:
            let round: [Double] = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
            return round.first { $0 >= largest } ?? (largest / 86400).rounded(.up) * 86400
        }
    }

    /// A value in words: `96.2%` (a rate), `34` (a count), `1h 5m` (seconds); on an axis, rates
    /// and durations are written short (`50%`, `30m`).
    static func label(_ value: Double, scale: Scale, axis: Bool) -> String {
        switch scale {
        case .rate:
            return axis ? "\(Int((value * 100).rounded()))%" : Format.percent(value)
        case .count:
            return "\(Int(value.rounded()))"
        case .seconds:
            guard axis else { return Format.duration(value) }
            if value == 0 { return "0" }
            if value.truncatingRemainder(dividingBy: 60) != 0 { return Format.duration(value) }
            if value < 3600 { return "\(Int(value / 60))m" }
            let hours = value / 3600
            return hours == hours.rounded() ? "\(Int(hours))h" : "\(Int(value / 60))m"
        }
    }

    /// The `points` attribute of one polyline per run of consecutive points, a `nil` point being
    /// a gap (a day without data); a point alone draws no line (its dot shows it).
    static func polylines(_ points: [(x: Int, y: Int)?]) -> [String] {
        var lines: [String] = []
        var run: [String] = []
        for point in points + [nil] {
            if let point {
                run.append("\(point.x),\(point.y)")
            } else {
                if run.count > 1 { lines.append(run.joined(separator: " ")) }
                run = []
            }
        }
        return lines
    }

    /// `2026-11-04` → `Nov 4`.
    static func dayLabel(_ day: String) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = day.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let date = Int(parts[2]) else {
            return day
        }
        return "\(months[month - 1]) \(date)"
    }
}
