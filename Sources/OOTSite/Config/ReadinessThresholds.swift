/// The bar a backend is held to for level L3, over a window of recent days.
///
/// RFC-0050 "Evolution Path" (spec §10), with the figures of pytorch/rfcs#102 and the upstream
/// HUD's colours (test-infra #8421). Every figure is configurable (`oot-hud build --readiness-*`).
///
/// L2 → L3 promotion needs every criterion met; an L3 or L4 backend that misses one "would be
/// downgraded". L4 is a core-maintainer decision with no measurable bar of its own, so an L4
/// backend is held to L3's.
public struct ReadinessThresholds: Sendable, Equatable {
    /// The window, in days before the build's instant (default 7: the RFC's weekly success rate).
    public var days: Int64
    /// Lowest job success rate that meets L3, 0…1 (default 0.90; upstream colours it orange from
    /// here and green only at 1.0).
    public var passRate: Double
    /// Timeout rate (timed out / completed jobs, 0…1) at or above which L3 is missed (default
    /// 0.10; upstream: green at 0, orange below 0.10, red from 0.10).
    public var timeoutRate: Double
    /// Median queue time, seconds, at or above which L3 is missed (default 1,800: 30 minutes).
    public var queueSeconds: Double
    /// Median total run time per PR head (first dispatch to last completion), seconds, at or
    /// above which L3 is missed (default 10,800: 3 hours).
    public var runSeconds: Double

    /// Creates thresholds; the defaults are the ones above.
    public init(
        days: Int64 = 7, passRate: Double = 0.90, timeoutRate: Double = 0.10, queueSeconds: Double = 1800,
        runSeconds: Double = 10800
    ) {
        self.days = days
        self.passRate = passRate
        self.timeoutRate = timeoutRate
        self.queueSeconds = queueSeconds
        self.runSeconds = runSeconds
    }
}
