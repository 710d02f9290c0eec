import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import OOTCore
import OOTIngest
import OOTTestSupport
import ServiceLifecycle

/// Runs the real ingest application on a free loopback port with a real SQLite file, and talks
/// to it with AsyncHTTPClient: no in-process shortcuts.
struct LiveServer {
    let port: Int
    let store: IngestStore
    let databasePath: String

    static let token = "s3cret-relay-token"

    /// Starts a server, runs `body`, then shuts the server down gracefully.
    static func with<T: Sendable>(
        tokens: [String] = [token], rateLimit: Int = 0, storeOptions: IngestStoreOptions = IngestStoreOptions(),
        path: String? = nil, _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        let path = try path ?? Fixtures.temporaryDatabase().path
        let metrics = IngestMetrics()
        let store = try IngestStore(
            path: path, options: storeOptions, batchObserver: { metrics.committed(batchOf: $0) })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = buildApplication(
            store: store,
            configuration: IngestConfiguration(
                host: "127.0.0.1", port: 0, tokens: RelayTokens(tokens), rateLimitPerMinute: rateLimit),
            metrics: metrics, logger: logger, onServerRunning: { port in continuation.yield(port) })
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body(LiveServer(port: port, store: store, databasePath: path))
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                await store.close()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// The response of one request: status code and body text.
    struct Reply {
        let status: Int
        let body: String
        let headers: [String: String]
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// Sends `body` to `path` with `headers`.
    func send(
        _ method: HTTPMethod = .POST, _ path: String = IngestRoutes.crcrResults, headers: [(String, String)] = [],
        body: Data? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Reply(
            status: Int(response.status.code), body: String(buffer: bytes),
            headers: Dictionary(
                response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Sends `body` to `path` with the valid relay token, as today's relay does (`x-hud-internal-bot`).
    func post(_ body: Data, to path: String = IngestRoutes.crcrResults) async throws -> Reply {
        try await send(
            .POST, path, headers: [("x-hud-internal-bot", Self.token), ("Content-Type", "application/json")], body: body
        )
    }

    /// Sends `body` as a chunked stream (no Content-Length) with the valid relay token.
    func postChunked(_ body: Data, chunk: Int = 64 * 1024) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(IngestRoutes.crcrResults)")
        request.method = .POST
        request.headers.add(name: "X-OOT-Relay-Token", value: Self.token)
        let chunks = stride(from: 0, to: body.count, by: chunk).map {
            ByteBuffer(bytes: body[$0..<min($0 + chunk, body.count)])
        }
        let stream = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        request.body = .stream(stream, length: .unknown)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: bytes), headers: [:])
    }

    /// The Prometheus text of `GET /metrics`.
    func metrics() async throws -> String { try await send(.GET, "/metrics").body }

    /// A valid callback body whose dynamoKey ends in `checkRunID`, for one repo.
    static func callback(checkRunID: String, repo: String = "example-org/accel-backend", status: String = "in_progress")
        throws -> Data
    {
        var body = try Fixtures.callbackJSON("spec-2.3-\(status).json")
        body.set("untrusted.callback_payload.workflow.check_run_id", checkRunID)
        body.set("trusted.verified_repo", repo)
        return body.data
    }
}
