import Foundation
import OOTCore
import Synchronization

/// Settings of the ingest database connection.
public struct IngestStoreOptions: Sendable {
    /// `PRAGMA synchronous`: `NORMAL` (default; durable across a process crash, WAL synced at
    /// checkpoints) or `FULL` (also across power loss; an fsync per commit).
    public enum Synchronous: String, Sendable { case normal = "NORMAL", full = "FULL" }

    /// See ``Synchronous``.
    public var synchronous: Synchronous
    /// How long a commit waits for another connection's write lock (a build's fold), in milliseconds.
    public var busyTimeoutMilliseconds: Int32
    /// Refuse new callbacks (503) once the database file reaches this many bytes; `nil` for no cap.
    public var maxDatabaseBytes: Int64?
    /// `/healthz` reports 503 when the database's file system has less free space than this, in bytes.
    public var minFreeDiskBytes: Int64
    /// Most callbacks committed in one transaction.
    public var maxBatch: Int

    /// Creates options; the defaults are what `oot-hud serve` uses.
    public init(
        synchronous: Synchronous = .normal, busyTimeoutMilliseconds: Int32 = 10_000, maxDatabaseBytes: Int64? = nil,
        minFreeDiskBytes: Int64 = 16 << 20, maxBatch: Int = 512
    ) {
        self.synchronous = synchronous
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.maxDatabaseBytes = maxDatabaseBytes
        self.minFreeDiskBytes = minFreeDiskBytes
        self.maxBatch = maxBatch
    }
}
