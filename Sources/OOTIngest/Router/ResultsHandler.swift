import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OOTCore

/// Handles `POST` on every results path (``IngestRoutes/results``; spec §3.2 and §14) in the
/// steps below.
///
/// A 4xx is final for the job (spec §14.2: the relay does not retry, and the job then looks
/// running forever), so only what cannot be stored is refused.
///
/// 1. auth: a valid token in `x-hud-internal-bot`, `X-OOT-Relay-Token`, `X-CRCR-Relay-Token` or
///    `Authorization` → else 401;
/// 2. size: `Content-Length` over the cap → 413 before reading; a longer (chunked) body is cut at the cap → 413;
/// 3. body: a JSON object with its key fields → else 400 naming the field; an optional field of the
///    wrong shape is dropped with a warning, returned in the reply as `warnings`;
/// 4. rate (off by default): at most N accepted callbacks per `verified_repo` per minute → else 429
///    with `Retry-After`;
/// 5. store: appended in a group commit; 200 only after it committed; 503 when the disk or the
///    size cap is full, 500 on other storage errors.
struct ResultsHandler: Sendable {
    let store: IngestStore
    let configuration: IngestConfiguration
    let limiter: RateLimiter
    /// The zero of the limiter's clock (seconds since the router was built).
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
        let extracted: ExtractedCallback
        do {
            extracted = try ExtractedCallback.extract(fromBody: body)
        } catch {
            throw IngestError(.badRequest, .badRequest, error.description)
        }
        let record = extracted.record
        context.trace.record(
            repo: record.downstreamRepo, status: record.status, dynamoKey: record.dynamoKey,
            warnings: extracted.warnings)

        if case .limited(let retryAfter) = limiter.admit(
            record.downstreamRepo, now: (ContinuousClock.now - epoch).inSeconds)
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
        let reply = try ResultsReply.body(
            status: record.status, dynamoKey: record.dynamoKey, warnings: extracted.warnings.map(\.description))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: reply))
    }
}
