import Logging
import OOTIngest
import OOTTestSupport

/// What both harnesses build an application from: a store on a fresh SQLite file in a temporary
/// directory (or at `path`), its metrics, the configuration and a logger that only says warnings.
struct IngestParts: Sendable {
    let path: String
    let store: IngestStore
    let metrics: IngestMetrics
    let configuration: IngestConfiguration
    let logger: Logger

    init(tokens: [String], rateLimit: Int, storeOptions: IngestStoreOptions, path: String?) throws {
        self.path = try path ?? Fixtures.temporaryDatabase().path
        let metrics = IngestMetrics()
        self.metrics = metrics
        store = try IngestStore(
            path: self.path, options: storeOptions, batchObserver: { metrics.committed(batchOf: $0) })
        configuration = IngestConfiguration(
            host: "127.0.0.1", port: 0, tokens: RelayTokens(tokens), rateLimitPerMinute: rateLimit)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        self.logger = logger
    }
}
