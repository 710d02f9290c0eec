import Foundation
import OOTCore
import Synchronization

/// Why a callback could not be stored.
public enum IngestStoreError: Error, Equatable, CustomStringConvertible {
    /// The disk, or the configured size cap, is full (SQLITE_FULL): retry later.
    case full(String)
    /// The store is shutting down or closed.
    case closed
    /// Any other SQLite failure.
    case storage(String)

    public var description: String {
        switch self {
        case .full(let message): "database or disk is full: \(message)"
        case .closed: "the ingest store is closed"
        case .storage(let message): message
        }
    }
}
