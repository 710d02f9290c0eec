import Foundation
import NIOCore

/// The body of a 200 on a results path: `{"dynamoKey":…,"ok":true,"status":…}`, plus
/// `"warnings":[…]` when fields were dropped (spec §3.2, §14.2).
///
/// Encoded by `JSONEncoder` with sorted keys and unescaped slashes: the bytes
/// `JSONSerialization` wrote before, without its key sorting, which compared keys through the
/// locale and cost 11 % of the server's time at saturation (docs/performance.md, "Ingest").
struct ResultsReply: Encodable {
    /// The record key.
    let dynamoKey: String
    /// Always `true` on a 200.
    let ok = true
    /// `workflow.status` of the callback.
    let status: String
    /// The dropped fields' descriptions, in order; left out when there are none.
    let warnings: [String]?

    /// One encoder for every reply (`JSONEncoder` is thread-safe for encoding).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The reply for a stored callback.
    ///
    /// - Parameters:
    ///   - status: `workflow.status` of the callback.
    ///   - dynamoKey: The record key.
    ///   - warnings: The dropped fields' descriptions, in order; the member is left out when empty.
    /// - Throws: `EncodingError` (not expected for strings).
    static func body(status: String, dynamoKey: String, warnings: [String]) throws -> ByteBuffer {
        let reply = ResultsReply(dynamoKey: dynamoKey, status: status, warnings: warnings.isEmpty ? nil : warnings)
        return ByteBuffer(bytes: try encoder.encode(reply))
    }
}
