/// Why a relay callback was refused (spec §3.2, stricter than the reference: every
/// structural problem is a 400 naming the field, never a 500).
///
/// `description` is the text sent back in `{"error": …}` and printed by `oot-hud ingest`.
public struct CallbackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending field, such as `untrusted.callback_payload.workflow.job_name`,
    /// or `body` when the body as a whole is unusable.
    public let field: String
    /// What was wrong with it, such as `missing` or `must be a string, got a number`.
    public let reason: String
    /// Repository and delivery the callback claims, when they could be read, so the message
    /// points at the producer to fix.
    public let context: String?

    /// Creates an error for `field`.
    public init(field: String, reason: String, context: String? = nil) {
        self.field = field
        self.reason = reason
        self.context = context
    }

    public var description: String {
        let base = field == "body" ? reason : "\(field): \(reason)"
        if let context { return "\(base) (\(context))" }
        return base
    }

    /// The same error with the callback's repo/delivery attached.
    func with(context: String?) -> CallbackError {
        CallbackError(field: field, reason: reason, context: context)
    }
}
