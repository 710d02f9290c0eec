import Foundation
import OOTCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The ingest side of the database: appends accepted callbacks with **group commit**.
///
/// Concurrent requests queue their callbacks; the request that finds no commit running starts
/// one on a serial writer queue, which commits everything queued in a single transaction, resumes
/// each request, and repeats until nothing is queued. A request is answered only after the
/// transaction holding its row has committed, but N concurrent requests cost one commit instead
/// of N. A failed commit fails every request in it and leaves no partial rows.
public final class IngestStore: Sendable {
    private struct Pending {
        let entry: CallbackLog.Entry
        let continuation: CheckedContinuation<Int64, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var flushing = false
        /// Callbacks in the batch the writer is committing (or has just committed and is answering).
        var committing = 0
        var closed = false
    }

    /// Callbacks waiting for a commit, and whether a flush is running; taken briefly by requests.
    private let state = Mutex(State())
    /// Runs the flushes, `count()` and `unhealthyReason()` one at a time, on a thread of its own:
    /// SQLite blocks (a commit can wait out the busy timeout), which must not stall Swift's
    /// cooperative threads.
    private let queue = DispatchQueue(label: "oot-hud.ingest.writer")
    /// The only write connection (`CallbackLog` is not `Sendable`); `nil` once closed.
    ///
    /// Locked only in jobs on `queue`, which is serial, so the lock is never contended and costs
    /// one uncontended lock per transaction; it is here so that the compiler, not a comment,
    /// checks that the connection is never used from two threads at once.
    private let connection: Mutex<CallbackLog?>
    private let options: IngestStoreOptions
    /// The database file.
    public let path: String
    private let batchObserver: (@Sendable (Int) -> Void)?

    /// Opens (creating if needed) the database at `path`, migrates its schema and applies `options`.
    ///
    /// - Parameter batchObserver: Called with the size of each committed batch (for metrics).
    /// - Throws: ``SQLiteError`` or ``SchemaError``; a foreign or newer file is refused, untouched.
    public init(
        path: String, options: IngestStoreOptions = IngestStoreOptions(),
        batchObserver: (@Sendable (Int) -> Void)? = nil
    ) throws {
        let db = try SQLiteDatabase(path: path, mode: .readWriteCreate, busyTimeout: options.busyTimeoutMilliseconds)
        try Schema.migrate(db)
        try db.execute("PRAGMA synchronous = \(options.synchronous.rawValue)")
        if let cap = options.maxDatabaseBytes {
            let pageSize = try db.query("PRAGMA page_size").first?.first?.integer ?? 4096
            try db.execute("PRAGMA max_page_count = \(max(1, cap / pageSize))")
        }
        connection = Mutex(try CallbackLog(database: db))
        self.options = options
        self.path = path
        self.batchObserver = batchObserver
    }

    /// Appends one accepted callback; returns only after the transaction holding it committed.
    ///
    /// - Returns: Its arrival id in `callbacks`.
    /// - Throws: ``IngestStoreError``.
    public func append(_ entry: CallbackLog.Entry) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            enum Next { case refuse, wait, flush }
            let next: Next = state.withLock { state in
                if state.closed { return .refuse }
                state.pending.append(Pending(entry: entry, continuation: continuation))
                if state.flushing { return .wait }
                state.flushing = true
                return .flush
            }
            switch next {
            case .refuse: continuation.resume(throwing: IngestStoreError.closed)
            case .wait: break
            case .flush: queue.async { self.flush() }
            }
        }
    }

    /// Commits queued callbacks until the queue is empty.
    ///
    /// Runs on `queue` only.
    private func flush() {
        while true {
            let batch: [Pending] = state.withLock { state in
                let take = Array(state.pending.prefix(options.maxBatch))
                state.pending.removeFirst(take.count)
                state.committing = take.count
                if take.isEmpty { state.flushing = false }
                return take
            }
            if batch.isEmpty { return }
            let committed: Result<[Int64], IngestStoreError> = connection.withLock { log in
                guard let log else { return .failure(.closed) }
                do {
                    return .success(try log.append(batch.map(\.entry)))
                } catch {
                    return .failure(Self.classify(error))
                }
            }
            switch committed {
            case .success(let ids):
                batchObserver?(batch.count)
                for (item, id) in zip(batch, ids) { item.continuation.resume(returning: id) }
            case .failure(let failure):
                for item in batch { item.continuation.resume(throwing: failure) }
            }
        }
    }

    static func classify(_ error: any Error) -> IngestStoreError {
        guard let error = error as? SQLiteError else { return .storage("\(error)") }
        if error.primaryCode == .full {
            // SQLite says "database or disk is full" for both causes; name them instead.
            return .full(
                error.message == "database or disk is full"
                    ? "no space left on the device, or --max-db-size reached" : error.message)
        }
        return .storage(error.description)
    }

    /// Callbacks waiting for a commit right now (not counting a batch being committed).
    public var queued: Int { state.withLock { $0.pending.count } }

    /// Callbacks given to ``append(_:)`` that the store has not answered yet: those queued plus the
    /// batch being committed.
    public var unanswered: Int { state.withLock { $0.pending.count + $0.committing } }

    /// How many callbacks are stored.
    ///
    /// - Throws: ``IngestStoreError``.
    public func count() async throws -> Int64 {
        try await onWriter { log in try log.count() }
    }

    /// Room a healthy store must have for one more callback: the largest body, 2 MiB.
    static let headroomBytes: Int64 = 2 << 20

    /// Checks that a callback of any accepted size could be stored now: the write lock can be
    /// taken, the database is more than 2 MiB below its size cap, and the file system has at
    /// least the configured free space.
    ///
    /// - Returns: `nil` when healthy, else the reason.
    public func unhealthyReason() async -> String? {
        do {
            return try await onWriter { log -> String? in
                let db = log.database
                try db.execute("BEGIN IMMEDIATE; ROLLBACK;")
                if let cap = self.options.maxDatabaseBytes {
                    let pages = try db.query("PRAGMA page_count").first?.first?.integer ?? 0
                    let size = try db.query("PRAGMA page_size").first?.first?.integer ?? 4096
                    if cap - pages * size < Self.headroomBytes {
                        return "the database is within \(Self.headroomBytes >> 20) MiB of its size cap of \(cap) bytes"
                    }
                }
                var fs = statvfs()
                let directory = (self.path as NSString).deletingLastPathComponent
                if statvfs(directory.isEmpty ? "." : directory, &fs) == 0 {
                    let free = Int64(fs.f_bavail) * Int64(fs.f_frsize)
                    if free < self.options.minFreeDiskBytes {
                        return "only \(free >> 20) MiB free on the database's file system"
                    }
                }
                return nil
            }
        } catch {
            return "database not writable: \(error)"
        }
    }

    /// Stops accepting callbacks, commits what is queued, and closes the database.
    public func close() async {
        state.withLock { $0.closed = true }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                self.flush()
                self.connection.withLock { $0 = nil }
                done.resume()
            }
        }
    }

    private func onWriter<T: Sendable>(_ body: @escaping @Sendable (CallbackLog) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let result: Result<T, IngestStoreError> = self.connection.withLock { log in
                    guard let log else { return .failure(.closed) }
                    do {
                        return .success(try body(log))
                    } catch {
                        return .failure(Self.classify(error))
                    }
                }
                continuation.resume(with: result)
            }
        }
    }
}
