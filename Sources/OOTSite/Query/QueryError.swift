import Foundation
import OOTCore

/// A saved query could not be loaded, bound or run.
public struct QueryError: Error, Equatable, CustomStringConvertible {
    /// The query's name.
    public let query: String
    /// What went wrong.
    public let reason: String

    /// Creates an error.
    public init(query: String, reason: String) {
        self.query = query
        self.reason = reason
    }

    public var description: String { "saved query \(query): \(reason)" }
}
