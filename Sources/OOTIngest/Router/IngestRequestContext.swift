import Hummingbird
import OOTCore
import Synchronization

/// The request context of the ingest router: Hummingbird's core storage plus a ``RequestTrace``.
public struct IngestRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// Filled by the results handler, read by the observer middleware.
    public let trace = RequestTrace()

    /// Creates the context for a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
