/// A backend's level readiness (issue 16, spec §10): each criterion of the L3 bar
/// (``ReadinessThresholds``) over the last days, its value, the threshold and whether it is met,
/// and the verdict for the backend's level.
///
/// - L1 and L2: readiness for the next level. L2 → L3 needs every criterion met; L1 → L2 has no
///   measurable bar ("standard workflow config, no excessive or invalid requests").
/// - L3 and L4: whether the backend still meets L3's bar (L4 has none of its own: a
///   core-maintainer decision); missing one criterion means it would be downgraded.
///
/// Pure: figures in, verdict out.
struct LevelReadiness: Sendable, Encodable {
    /// One criterion.
    struct Criterion: Sendable, Encodable {
        let name: String
        /// The measured value in words (`92.0%`, `14m 3s`), or `no data`.
        let value: String
        /// The threshold in words (`≥ 90%`, `< 30m`).
        let threshold: String
        /// `nil` when there was nothing to measure.
        let met: Bool?
        /// `met`, `missed` or `unknown`, in words for the page.
        let status: String
        /// The colour: `good`, `warn` or `bad` (the upstream HUD's green / orange / red), or
        /// empty without data.
        let cssClass: String
        /// How it is measured.
        let detail: String
    }

    /// What the figures say about the backend's level.
    enum Verdict: String, Sendable, Encodable {
        /// L2 meeting every L3 criterion.
        case ready = "ready for L3"
        /// L2 missing a criterion.
        case notReady = "not ready for L3"
        /// L3 or L4 meeting L3's bar.
        case meets = "meets L3"
        /// L3 or L4 missing a criterion of L3's bar.
        case wouldBeDowngraded = "would be downgraded"
        /// No completed PR job in the window, or a level without a measurable bar (L1).
        case unknown = "no data"
    }

    let level: String
    /// The card's heading, for example `Readiness for L3` or `Keeping L3`.
    let heading: String
    /// What the card judges, in a sentence.
    let scope: String
    let criteria: [Criterion]
    let hasCriteria: Bool
    let verdict: Verdict
    /// The verdict in words (the summary column).
    let verdictText: String
    /// `good`, `warn`, `bad` or empty, for the verdict chip.
    let verdictClass: String
    /// The warning shown above the page when the backend would be downgraded, naming what it
    /// misses; `nil` otherwise.
    let downgradeWarning: String?
    /// The window, in days.
    let days: Int64

    /// Judges `row` (`oot_backend_readiness` over `thresholds.days`) for a backend at `level`.
    init(level: String, row: OotBackendReadinessRow?, thresholds: ReadinessThresholds) {
        self.level = level
        days = thresholds.days
        let window = thresholds.days == 1 ? "last 24 h" : "last \(thresholds.days) days"
        let measured = (row?.totalJobs ?? 0) > 0
        let total = Double(row?.totalJobs ?? 0)
        let passRate = measured ? Double(row?.successes ?? 0) / total : nil
        let timeoutRate = measured ? Double(row?.timedOut ?? 0) / total : nil
        func criterion(
            _ name: String, value: Double?, words: (Double) -> String, threshold: String, met: (Double) -> Bool,
            colour: (Double) -> String, detail: String
        ) -> Criterion {
            guard let value else {
                return Criterion(
                    name: name, value: "no data", threshold: threshold, met: nil, status: "unknown", cssClass: "",
                    detail: detail)
            }
            let ok = met(value)
            return Criterion(
                name: name, value: words(value), threshold: threshold, met: ok, status: ok ? "met" : "missed",
                cssClass: colour(value), detail: detail)
        }
        let criteria = [
            criterion(
                "Pass rate", value: passRate, words: Format.percent,
                threshold: "≥ \(Format.percent(thresholds.passRate))",
                met: { $0 >= thresholds.passRate },
                colour: { $0 >= 1 ? "good" : $0 >= thresholds.passRate ? "warn" : "bad" },
                detail:
                    "successful / completed PR jobs, every attempt (\(row?.successes ?? 0)/\(row?.totalJobs ?? 0))"),
            criterion(
                "Timeout rate", value: timeoutRate, words: Format.percent,
                threshold: "< \(Format.percent(thresholds.timeoutRate))",
                met: { $0 < thresholds.timeoutRate },
                colour: { $0 == 0 ? "good" : $0 < thresholds.timeoutRate ? "warn" : "bad" },
                detail: "timed out / completed PR jobs (\(row?.timedOut ?? 0)/\(row?.totalJobs ?? 0))"),
            criterion(
                "Queue time (p50)", value: row?.queueP50S, words: { Format.duration($0) },
                threshold: "< \(TrendChart.label(thresholds.queueSeconds, scale: .seconds, axis: true))",
                met: { $0 < thresholds.queueSeconds },
                colour: { $0 < thresholds.queueSeconds ? "good" : "bad" },
                detail: "median dispatch to start over \(row?.queuedJobs ?? 0) first attempts"),
            criterion(
                "Run time per PR (p50)", value: row?.runP50S, words: { Format.duration($0) },
                threshold: "< \(TrendChart.label(thresholds.runSeconds, scale: .seconds, axis: true))",
                met: { $0 < thresholds.runSeconds },
                colour: { $0 < thresholds.runSeconds ? "good" : "bad" },
                detail: "median first dispatch to last completion over \(row?.prHeads ?? 0) PR heads"),
        ]
        let missed = criteria.filter { $0.met == false }
        let unknown = criteria.contains { $0.met == nil }
        switch level {
        case "L3", "L4":
            heading = "Keeping L3"
            scope =
                level == "L4"
                ? "L4 is a core-maintainer decision with no measurable bar of its own; an L4 backend is held to L3's bar, \(window)."
                : "An L3 backend that no longer meets L3's bar is downgraded (RFC-0050), \(window)."
            self.criteria = criteria
            verdict = !measured ? .unknown : missed.isEmpty ? .meets : .wouldBeDowngraded
        case "L2":
            heading = "Readiness for L3"
            scope = "L2 → L3 needs every criterion met (RFC-0050 \"Evolution Path\"), \(window)."
            self.criteria = criteria
            verdict = !measured ? .unknown : missed.isEmpty && !unknown ? .ready : .notReady
        default:
            heading = "Readiness for L2"
            scope =
                "L1 → L2 asks for the standard workflow config and no excessive or invalid requests: nothing measured here."
            self.criteria = []
            verdict = .unknown
        }
        hasCriteria = !self.criteria.isEmpty
        verdictText = verdict.rawValue
        verdictClass =
            switch verdict {
            case .ready, .meets: "good"
            case .notReady: "warn"
            case .wouldBeDowngraded: "bad"
            case .unknown: ""
            }
        downgradeWarning =
            verdict == .wouldBeDowngraded
            ? "Would be downgraded: below L3's bar over the \(window) ("
                + missed.map { "\($0.name.lowercased()) \($0.value), needs \($0.threshold)" }.joined(separator: "; ")
                + ")."
            : nil
    }
}
