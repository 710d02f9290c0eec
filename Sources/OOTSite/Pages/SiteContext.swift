import OOTCore

/// Settings every page builder shares.
struct SiteContext: Sendable {
    /// The instant the pages describe (UTC): time windows end here and "5m ago" counts from it.
    var now: UTCTimestamp
    /// The summary window, in days (spec §9.1 default 7).
    var days: Int64
    /// Pass-rate chip thresholds (spec §9: green ≥ 0.95, yellow ≥ 0.80).
    var greenThreshold: Double
    /// See ``greenThreshold``.
    var yellowThreshold: Double
    /// Absolute base URL of the published site (for example `https://hud.example.org/`), used for
    /// links in `comment.md`; `nil` leaves them relative.
    var siteURL: String?
    /// A backend silent for longer than this many hours is marked stale.
    var staleHours: Int
    /// The L3 bar of the readiness card (issue 16).
    var readiness: ReadinessThresholds
    /// `true` when the pages describe a fixed instant (`--now`: the demo, tests), not the build's
    /// clock: hud.js then leaves relative times as rendered instead of counting from the reader's
    /// clock, which would contradict the stale and lost marks computed at that instant.
    var snapshot: Bool

    /// Creates a context.
    init(
        now: UTCTimestamp, days: Int64 = 7, greenThreshold: Double = 0.95, yellowThreshold: Double = 0.80,
        siteURL: String? = nil, staleHours: Int = 24, readiness: ReadinessThresholds = ReadinessThresholds(),
        snapshot: Bool = false
    ) {
        self.readiness = readiness
        self.snapshot = snapshot
        self.staleHours = staleHours
        self.now = now
        self.days = days
        self.greenThreshold = greenThreshold
        self.yellowThreshold = yellowThreshold
        self.siteURL = siteURL
    }

    /// Chip class for a pass rate under these thresholds.
    func passRateClass(_ rate: Double) -> String {
        Format.passRateClass(rate, green: greenThreshold, yellow: yellowThreshold)
    }
}
