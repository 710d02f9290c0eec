import Foundation

/// A relay callback read under the rules of the relay as deployed (spec §14): the job record to
/// fold, and a warning for every optional field that was dropped or read another way.
///
/// The endpoint, `oot-hud ingest` and the fold all read bodies through ``extract(fromBody:)``, so a
/// body is judged the same way wherever it arrives, and `reindex` applies today's rules to the
/// whole log.
public struct ExtractedCallback: Sendable, Equatable {
    /// The row image the callback writes (spec §4.2).
    public var record: JobRecord
    /// Optional fields of the wrong shape, in the order they were read; empty for a clean body.
    public var warnings: [CallbackWarning]

    /// Creates an extraction result.
    public init(record: JobRecord, warnings: [CallbackWarning] = []) {
        self.record = record
        self.warnings = warnings
    }

    /// Parses a relay→HUD body and extracts its job record (spec §2.2, §4.2, §14.2).
    ///
    /// Two envelopes are read: `{trusted, untrusted: {callback_payload}}` (every relay since
    /// June 2026) and the first relay's `{body, ci_metrics, authenticated_repo}`.
    ///
    /// - Parameter body: The raw request body, UTF-8 JSON of at most 64 nested levels.
    /// - Returns: The record to upsert under its `dynamoKey`, with the warnings.
    /// - Throws: ``CallbackError`` only for what cannot be stored: not JSON, not an object, or a
    ///   key field missing (`trusted.verified_repo`, `delivery_id`, `workflow.status` other than
    ///   `in_progress`/`completed`, `workflow.job_name`, `workflow.check_run_id`).
    public static func extract(fromBody body: Data) throws(CallbackError) -> ExtractedCallback {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw CallbackError(field: "body", reason: error.description)
        }
        return try extract(from: json)
    }
}

extension JobRecord {
    /// The job record of a relay body, without its warnings (``ExtractedCallback/extract(fromBody:)``).
    ///
    /// - Throws: ``CallbackError`` when the body cannot be stored.
    public static func extract(fromBody body: Data) throws(CallbackError) -> JobRecord {
        try ExtractedCallback.extract(fromBody: body).record
    }
}
