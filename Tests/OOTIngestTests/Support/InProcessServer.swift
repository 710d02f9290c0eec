import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OOTIngest

/// The ingest router driven in-process by HummingbirdTesting (`app.test(.router)`): the same
/// `buildRouter` as `oot-hud serve`, with its middleware, store and metrics, and a real SQLite
/// file; no socket.
///
/// Requests carry a `Content-Length` (the testing client always sets one), so a chunked body
/// needs ``LiveServer``.
struct InProcessServer: IngestEndpoint {
    let client: any TestClientProtocol
    let store: IngestStore
    let databasePath: String

    /// A header name HTTP does not allow.
    struct InvalidHeaderName: Error, CustomStringConvertible {
        let name: String
        var description: String { "invalid HTTP header name \(name.debugDescription)" }
    }

    /// Builds the application, runs `body` against its router, then closes the store.
    static func with<T: Sendable>(
        tokens: [String] = [TestRelay.token], rateLimit: Int = 0,
        storeOptions: IngestStoreOptions = IngestStoreOptions(), path: String? = nil,
        _ body: @Sendable (InProcessServer) async throws -> T
    ) async throws -> T {
        let parts = try IngestParts(tokens: tokens, rateLimit: rateLimit, storeOptions: storeOptions, path: path)
        let app = Application(
            router: buildRouter(
                store: parts.store, configuration: parts.configuration, metrics: parts.metrics, logger: parts.logger),
            logger: parts.logger)
        do {
            let result = try await app.test(.router) { client in
                try await body(InProcessServer(client: client, store: parts.store, databasePath: parts.path))
            }
            await parts.store.close()
            return result
        } catch {
            await parts.store.close()
            throw error
        }
    }

    func send(method: HTTPRequest.Method, path: String, headers: [(String, String)], body: Data?) async throws -> Reply
    {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let name = HTTPField.Name(name) else { throw InvalidHeaderName(name: name) }
            fields.append(HTTPField(name: name, value: value))
        }
        let response = try await client.execute(
            uri: path, method: method, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        var replyHeaders: [String: String] = [:]
        for field in response.headers where replyHeaders[field.name.canonicalName] == nil {
            replyHeaders[field.name.canonicalName] = field.value
        }
        return Reply(status: response.status.code, body: String(buffer: response.body), headers: replyHeaders)
    }
}
