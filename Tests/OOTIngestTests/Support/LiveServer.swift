import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import NIOPosix
import OOTIngest
import ServiceLifecycle

/// Runs the real ingest application (`buildApplication`, as `oot-hud serve` does) on a free
/// loopback port with a real SQLite file, and talks to it with AsyncHTTPClient.
///
/// For what only a socket shows: chunked bodies, bodies at the size cap over the wire, many
/// connections at once, port binding and graceful shutdown. Everything else runs faster through
/// ``InProcessServer``.
struct LiveServer: IngestEndpoint {
    /// The port the server reported through `onServerRunning` (it was asked for port 0).
    let port: Int
    let store: IngestStore
    let databasePath: String
    private let services: ServiceGroup

    /// Starts a server, runs `body`, then shuts the server down gracefully and closes the store.
    static func with<T: Sendable>(
        tokens: [String] = [TestRelay.token], rateLimit: Int = 0,
        storeOptions: IngestStoreOptions = IngestStoreOptions(), path: String? = nil,
        _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        let parts = try IngestParts(tokens: tokens, rateLimit: rateLimit, storeOptions: storeOptions, path: path)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            store: parts.store, configuration: parts.configuration, metrics: parts.metrics, logger: parts.logger,
            onServerRunning: { port in continuation.yield(port) })
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: parts.logger))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let server = LiveServer(port: port, store: parts.store, databasePath: parts.path, services: services)
                let result = try await body(server)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                await parts.store.close()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// Starts a graceful shutdown, as SIGTERM does for `oot-hud serve`: the server stops
    /// accepting connections and finishes the requests in flight.
    func shutDown() async { await services.triggerGracefulShutdown() }

    /// `true` when a TCP connection to the server's port is accepted.
    func isListening() async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    func send(method: HTTPRequest.Method, path: String, headers: [(String, String)], body: Data?) async throws -> Reply
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = HTTPMethod(rawValue: method.rawValue)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return try await execute(request)
    }

    /// Sends `body` as a chunked stream (no Content-Length) with the valid relay token.
    func postChunked(_ body: Data, chunk: Int = 64 * 1024) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(IngestRoutes.crcrResults)")
        request.method = .POST
        request.headers.add(name: "X-OOT-Relay-Token", value: TestRelay.token)
        let chunks = stride(from: 0, to: body.count, by: chunk).map {
            ByteBuffer(bytes: body[$0..<min($0 + chunk, body.count)])
        }
        let stream = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        request.body = .stream(stream, length: .unknown)
        return try await execute(request)
    }

    private func execute(_ request: HTTPClientRequest) async throws -> Reply {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Reply(
            status: Int(response.status.code), body: String(buffer: bytes),
            headers: Dictionary(
                response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a }))
    }
}
