import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `{"error": "<reason>"}` with its HTTP status (spec §3.2).
public struct IngestError: Error, HTTPResponseError, Equatable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The reason sent to the relay (never contains the token).
    public let reason: String

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = (try? JSONSerialization.data(withJSONObject: ["error": reason], options: [.sortedKeys]))
            ?? Data("{\"error\":\"internal error\"}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
