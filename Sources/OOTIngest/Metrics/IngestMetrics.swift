import CoreMetrics
import Prometheus
import Synchronization

/// The endpoint's metrics (swift-metrics API, Prometheus registry), served at `GET /metrics`.
///
/// - `oot_ingest_callbacks_accepted_total{status,path}`: callbacks committed, by
///   `in_progress`/`completed` and by the results path the relay posted to (spec §14.1);
/// - `oot_ingest_callbacks_rejected_total{reason,path}`: refused requests on a results path, by
///   reason (`method_not_allowed`, `unauthorized`, `too_large`, `bad_request`, `rate_limited`,
///   `storage_full`, `storage_error`, `unavailable`);
/// - `oot_ingest_callback_warnings_total{field}`: optional fields of stored callbacks that had the
///   wrong shape and were dropped (spec §14.2), by field, such as `workflow.test_results`;
/// - `oot_ingest_request_duration_seconds{route}`: latency histogram of every request;
/// - `oot_ingest_commit_batch_size`: callbacks per group commit.
///
/// Each application owns its registry (no global bootstrap), so several servers in one process
/// (tests) keep separate counts.
public final class IngestMetrics: Sendable {
    /// The Prometheus registry.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// Keyed by `status` + `path`.
    private let acceptedCounters: [String: CoreMetrics.Counter]
    /// Keyed by `reason` + `path`.
    private let rejectedCounters: [String: CoreMetrics.Counter]
    /// Created on first use: the set of fields is the extraction's, small and fixed.
    private let warningCounters = Mutex<[String: CoreMetrics.Counter]>([:])
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
        var accepted: [String: CoreMetrics.Counter] = [:]
        var rejected: [String: CoreMetrics.Counter] = [:]
        for path in IngestRoutes.results {
            for status in ["in_progress", "completed"] {
                accepted[status + " " + path] = CoreMetrics.Counter(
                    label: "oot_ingest_callbacks_accepted_total", dimensions: [("status", status), ("path", path)],
                    factory: factory)
            }
            for reason in Self.reasons {
                rejected[reason + " " + path] = CoreMetrics.Counter(
                    label: "oot_ingest_callbacks_rejected_total", dimensions: [("reason", reason), ("path", path)],
                    factory: factory)
            }
        }
        acceptedCounters = accepted
        rejectedCounters = rejected
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

    /// Counts a committed callback of `status` posted to the results path `path`.
    public func accepted(status: String, path: String) { acceptedCounters[status + " " + path]?.increment() }

    /// Counts a request to the results path `path` refused for `reason` (one of ``reasons``).
    public func rejected(reason: String, path: String) { rejectedCounters[reason + " " + path]?.increment() }

    /// Counts the warnings of one stored callback, one per field (``CallbackWarning/metricField``).
    public func warned(fields: [String]) {
        guard !fields.isEmpty else { return }
        let counters = warningCounters.withLock { counters in
            fields.map { field in
                if let counter = counters[field] { return counter }
                let counter = CoreMetrics.Counter(
                    label: "oot_ingest_callback_warnings_total", dimensions: [("field", field)], factory: factory)
                counters[field] = counter
                return counter
            }
        }
        for counter in counters { counter.increment() }
    }

    /// Records one group commit of `size` callbacks.
    public func committed(batchOf size: Int) { batch.record(size) }

    /// Route labels of the latency histogram.
    public static let routes = ["results", "healthz", "metrics", "other"]

    /// Records a request's latency, in seconds, for `route` (one of ``routes``; anything else counts
    /// as `other`).
    public func observe(route: String, seconds: Double) {
        (latency[route] ?? latency["other"])?.recordSeconds(seconds)
    }

    /// The Prometheus text exposition.
    public func render() -> String { registry.emitToString() }
}
