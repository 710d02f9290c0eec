import CoreMetrics
import Prometheus

/// The endpoint's metrics (swift-metrics API, Prometheus registry), served at `GET /metrics`.
///
/// - `oot_ingest_callbacks_accepted_total{status}`: callbacks committed, by `in_progress`/`completed`;
/// - `oot_ingest_callbacks_rejected_total{reason}`: refused requests on the ingest route, by reason
///   (`method_not_allowed`, `unauthorized`, `too_large`, `bad_request`, `rate_limited`,
///   `storage_full`, `storage_error`, `unavailable`);
/// - `oot_ingest_request_duration_seconds{route}`: latency histogram of every request;
/// - `oot_ingest_commit_batch_size`: callbacks per group commit.
///
/// Each application owns its registry (no global bootstrap), so several servers in one process
/// (tests) keep separate counts.
public final class IngestMetrics: Sendable {
    /// The Prometheus registry.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let acceptedCounters: [String: CoreMetrics.Counter]
    private let rejectedCounters: [String: CoreMetrics.Counter]
    private let batch: CoreMetrics.Recorder
    private let latency: [String: CoreMetrics.Timer]

    /// Rejection reasons, as `reason` label values.
    public static let reasons = [
        "method_not_allowed", "unauthorized", "too_large", "bad_request", "rate_limited", "storage_full",
        "storage_error", "unavailable",
    ]

    /// Creates the metrics with a fresh registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["oot_ingest_request_duration_seconds"] = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(5),
        ]
        factory.valueHistogramBuckets["oot_ingest_commit_batch_size"] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
        self.factory = factory
        acceptedCounters = Dictionary(
            uniqueKeysWithValues: ["in_progress", "completed"].map {
                (
                    $0,
                    CoreMetrics.Counter(
                        label: "oot_ingest_callbacks_accepted_total", dimensions: [("status", $0)], factory: factory)
                )
            })
        rejectedCounters = Dictionary(
            uniqueKeysWithValues: Self.reasons.map {
                (
                    $0,
                    CoreMetrics.Counter(
                        label: "oot_ingest_callbacks_rejected_total", dimensions: [("reason", $0)], factory: factory)
                )
            })
        batch = CoreMetrics.Recorder(
            label: "oot_ingest_commit_batch_size", dimensions: [], aggregate: true, factory: factory)
        latency = Dictionary(
            uniqueKeysWithValues: Self.routes.map {
                (
                    $0,
                    CoreMetrics.Timer(
                        label: "oot_ingest_request_duration_seconds", dimensions: [("route", $0)], factory: factory)
                )
            })
    }

    /// Counts a committed callback.
    public func accepted(status: String) { acceptedCounters[status]?.increment() }

    /// Counts a refused request.
    public func rejected(reason: String) { rejectedCounters[reason]?.increment() }

    /// Records one group commit of `size` callbacks.
    public func committed(batchOf size: Int) { batch.record(size) }

    /// Route labels of the latency histogram.
    public static let routes = ["results", "healthz", "metrics", "other"]

    /// Records a request's latency for `route` (one of ``routes``; anything else counts as `other`).
    public func observe(route: String, nanoseconds: Int64) {
        (latency[route] ?? latency["other"])?.recordNanoseconds(nanoseconds)
    }

    /// The Prometheus text exposition.
    public func render() -> String { registry.emitToString() }
}
