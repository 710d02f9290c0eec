import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `{"error": "<message>"}` with its HTTP status (spec §3.2), classified by
/// a ``Reason`` for metrics and logs.
public struct IngestError: Error, HTTPResponseError, Equatable {
    /// Why a request was refused; the raw value is the metrics `reason` label.
    public enum Reason: String, Sendable {
        case methodNotAllowed = "method_not_allowed"
        case unauthorized
        case tooLarge = "too_large"
        case badRequest = "bad_request"
        case rateLimited = "rate_limited"
        case storageFull = "storage_full"
        case storage = "storage_error"
        case unavailable
        case notFound = "not_found"
    }

    /// The classification.
    public let reason: Reason
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The message sent to the relay (never contains the token).
    public let message: String
    /// `Retry-After`, in seconds, for 429 and 503.
    public let retryAfter: Int?
    /// `Allow`, for 405.
    public let allow: String?

    /// Creates an error.
    public init(
        _ reason: Reason, _ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil, allow: String? = nil
    ) {
        self.reason = reason
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
        self.allow = allow
    }

    static let unauthorized = IngestError(.unauthorized, .unauthorized, "Unauthorized")
    static let tooLarge = IngestError(.tooLarge, .contentTooLarge, "Payload exceeds 2MB limit")

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body =
            (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys]))
            ?? Data("{\"error\":\"internal error\"}".utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
