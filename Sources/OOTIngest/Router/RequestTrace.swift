import Hummingbird
import OOTCore
import Synchronization

/// What the results handler learned about a request, read back by ``RequestObserver`` for the
/// request's log line and metrics.
public final class RequestTrace: Sendable {
    /// The fields one log line carries besides method, path, code and latency.
    public struct Fields: Sendable {
        /// `trusted.verified_repo`.
        public var repo: String?
        /// `workflow.status`.
        public var status: String?
        /// The record key.
        public var dynamoKey: String?
        /// Optional fields dropped from the stored callback (spec §14.2).
        public var warnings: [CallbackWarning] = []
    }

    private let storage = Mutex(Fields())

    /// Creates an empty trace.
    public init() {}

    /// The fields recorded so far.
    public var fields: Fields { storage.withLock { $0 } }

    /// Records what the callback says about itself, and the warnings its extraction gave.
    public func record(repo: String, status: String, dynamoKey: String, warnings: [CallbackWarning] = []) {
        storage.withLock {
            $0.repo = repo
            $0.status = status
            $0.dynamoKey = dynamoKey
            $0.warnings = warnings
        }
    }
}
