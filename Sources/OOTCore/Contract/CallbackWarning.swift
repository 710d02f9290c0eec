/// An optional field of a relay callback that had the wrong shape and was dropped or read another
/// way, while the callback itself was stored (spec §14.2: any 4xx is final for the job, so only
/// what cannot be stored is refused).
///
/// `description` is the text returned in the 200 reply's `warnings`, logged by `serve` and printed
/// by `oot-hud ingest` as `file:line: warning: …`.
public struct CallbackWarning: Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the field, such as `untrusted.callback_payload.workflow.test_results`.
    public let field: String
    /// What was wrong and what was done about it, such as `expected an object, got an array; dropped`.
    public let reason: String

    /// Creates a warning about `field`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }

    /// The field's name without its namespaces (`workflow.test_results.passed` for
    /// `untrusted.callback_payload.workflow.test_results.passed`): the `field` label of the warnings
    /// metric, so both relay envelopes count under one name.
    public var metricField: String {
        for prefix in ["untrusted.callback_payload.", "body."] where field.hasPrefix(prefix) {
            return String(field.dropFirst(prefix.count))
        }
        return field
    }
}
