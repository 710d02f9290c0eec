import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OOTCore

/// Handles `POST /api/oot/results` (spec §3.2, stricter than the reference) in the steps below.
///
/// 1. auth: a valid token in `X-OOT-Relay-Token`, `x-hud-internal-bot` or `Authorization` → else 401;
/// 2. size: `Content-Length` over the cap → 413 before reading; a longer (chunked) body is cut at the cap → 413;
/// 3. body: JSON with every required field of the right type → else 400 naming the field;
/// 4. rate: at most N accepted callbacks per `verified_repo` per minute → else 429 with `Retry-After`;
/// 5. store: appended in a group commit; 200 only after it committed; 503 when the disk or the
///    size cap is full, 500 on other storage errors.
struct ResultsHandler: Sendable {
    let store: IngestStore
    let configuration: IngestConfiguration
    let limiter: RateLimiter
    let clock = ContinuousClock()
    let epoch = ContinuousClock.now

    func handle(_ request: Request, context: IngestRequestContext) async throws -> Response {
        guard TokenHeaders.authorize(request.headers, tokens: configuration.tokens) else {
            throw IngestError.unauthorized
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw IngestError.tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw IngestError.tooLarge
        }
        let body = Data(buffer.readableBytesView)
        let record: JobRecord
        do {
            record = try JobRecord.extract(fromBody: body)
        } catch {
            throw IngestError(.badRequest, .badRequest, error.description)
        }
        context.trace.record(repo: record.downstreamRepo, status: record.status, dynamoKey: record.dynamoKey)

        let now = (ContinuousClock.now - epoch)
        if case .limited(let retryAfter) = limiter.admit(
            record.downstreamRepo, now: Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18)
        {
            throw IngestError(
                .rateLimited, .tooManyRequests,
                "rate limit exceeded for \(record.downstreamRepo): \(configuration.rateLimitPerMinute) callbacks per minute",
                retryAfter: retryAfter)
        }
        do {
            _ = try await store.append(CallbackLog.Entry(body: body, record: record, receivedAt: .now))
        } catch IngestStoreError.full(let message) {
            throw IngestError(.storageFull, .serviceUnavailable, "database or disk is full: \(message)", retryAfter: 60)
        } catch IngestStoreError.closed {
            throw IngestError(.unavailable, .serviceUnavailable, "the server is shutting down", retryAfter: 5)
        } catch {
            context.logger.error("storing callback failed", metadata: ["error": "\(error)"])
            throw IngestError(.storage, .internalServerError, "Internal error writing to the database")
        }
        let reply = try JSONSerialization.data(
            withJSONObject: ["ok": true, "status": record.status, "dynamoKey": record.dynamoKey] as [String: Any],
            options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: reply)))
    }
}
