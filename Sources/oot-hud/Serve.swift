import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OOTIngest

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: """
            Run the ingest endpoint POST \(IngestRoutes.crcrResults) and \(IngestRoutes.ootResults) \
            (plus \(IngestRoutes.health) and \(IngestRoutes.metrics)).
            """,
        discussion: """
            Relay tokens come from OOT_RELAY_TOKEN and/or --token-file (one token per line, # comments); \
            several may be valid at once, for rotation. With no token the server refuses to start. \
            SIGTERM/SIGINT stop accepting, finish in-flight requests, commit and close the database.
            """)

    @Option(help: "SQLite database (created when missing).") var db: String
    @Option(help: "Address to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port.") var port: Int = 8080
    @Option(name: .customLong("token-file"), help: "File with accepted relay tokens, one per line.") var tokenFile:
        String?
    @Option(
        name: .customLong("rate-limit"),
        help: "Accepted callbacks per verified_repo per minute (0, the default: no limit; a 429 is final for the job).")
    var rateLimit: Int = 0
    @Option(help: "SQLite synchronous mode: normal (durable across crashes) or full (also across power loss).")
    var synchronous: String = "normal"
    @Option(name: .customLong("max-db-size"), help: "Answer 503 once the database reaches this many MiB.")
    var maxDatabaseMiB: Int64?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        var candidates = [ProcessInfo.processInfo.environment["OOT_RELAY_TOKEN"] ?? ""]
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read --token-file \(tokenFile)")
            }
            candidates += RelayTokens.lines(in: text)
        }
        let tokens = RelayTokens(candidates)
        guard !tokens.isEmpty else {
            throw ValidationError(
                "no relay token configured: set OOT_RELAY_TOKEN or pass --token-file (the relay's HUD_BOT_KEY)")
        }
        guard let mode = IngestStoreOptions.Synchronous(rawValue: synchronous.uppercased()) else {
            throw ValidationError("--synchronous must be normal or full")
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown --log-level \(logLevel)")
        }
        let logger = {
            var l = Logger(label: "oot-hud.ingest"); l.logLevel = level; return l
        }()
        let metrics = IngestMetrics()
        let store = try IngestStore(
            path: db,
            options: IngestStoreOptions(synchronous: mode, maxDatabaseBytes: maxDatabaseMiB.map { $0 << 20 }),
            batchObserver: { metrics.committed(batchOf: $0) })
        let app = buildApplication(
            store: store,
            configuration: IngestConfiguration(host: host, port: port, tokens: tokens, rateLimitPerMinute: rateLimit),
            metrics: metrics, logger: logger,
            onServerRunning: { port in
                logger.notice("listening", metadata: ["port": "\(port)", "db": "\(db)", "tokens": "\(tokens.count)"])
            })
        // runService stops on SIGTERM/SIGINT after in-flight requests finish; then commit and close.
        try await app.runService()
        await store.close()
        logger.notice("stopped; database closed", metadata: ["db": "\(db)"])
    }
}
