import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OOTCore

/// Builds the router: `POST /api/oot/results` (spec §2.2, §3) and `GET /healthz`.
///
/// Order of checks (spec §3.2): auth (401), body size (413), JSON and required fields (400),
/// durable append (200 only after commit; 500 on a storage failure). Every error body is
/// `{"error": "<reason>"}`.
public func buildRouter(store: IngestStore, configuration: IngestConfiguration) -> Router<BasicRequestContext> {
    let router = Router()
    router.post("/api/oot/results") { request, context -> Response in
        try await handleResult(request: request, context: context, store: store, configuration: configuration)
    }
    router.get("/healthz") { _, _ -> Response in
        do {
            _ = try await store.count()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"ok\":true}")))
        } catch {
            throw IngestError(.serviceUnavailable, "database unavailable: \(error)")
        }
    }
    return router
}

/// Builds the application (not started). `onServerRunning` receives the bound port.
public func buildApplication(
    store: IngestStore, configuration: IngestConfiguration, logger: Logger = Logger(label: "oot-hud.ingest"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(store: store, configuration: configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "oot-hud"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger
    )
}

private func handleResult(
    request: Request, context: BasicRequestContext, store: IngestStore, configuration: IngestConfiguration
) async throws -> Response {
    let started = ContinuousClock.now
    var repo = "-"
    var dynamoKey = "-"
    var outcome: HTTPResponse.Status = .internalServerError
    var status = "-"
    defer {
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "callback",
            metadata: [
                "repo": "\(repo)", "status": "\(status)", "dynamoKey": "\(dynamoKey)", "http": "\(outcome.code)",
                "ms": "\(String(format: "%.1f", ms))",
            ])
    }
    do {
        guard let token = request.headers[IngestConfiguration.tokenHeader], configuration.tokens.accepts(token) else {
            throw IngestError(.unauthorized, "Unauthorized")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw IngestError(.contentTooLarge, "Payload exceeds 2MB limit")
        }
        let body = Data(buffer.readableBytesView)
        let record: JobRecord
        do {
            record = try JobRecord.extract(fromBody: body)
        } catch {
            throw IngestError(.badRequest, error.description)
        }
        repo = record.downstreamRepo
        dynamoKey = record.dynamoKey
        status = record.status
        do {
            _ = try await store.append(body: body, record: record, receivedAt: .now)
        } catch {
            context.logger.error("storing callback failed", metadata: ["error": "\(error)"])
            throw IngestError(.internalServerError, "Internal error writing to the database")
        }
        let reply = try JSONSerialization.data(
            withJSONObject: ["ok": true, "status": record.status, "dynamoKey": record.dynamoKey] as [String: Any],
            options: [.sortedKeys, .withoutEscapingSlashes])
        outcome = .ok
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: reply)))
    } catch let error as IngestError {
        outcome = error.status
        throw error
    }
}
