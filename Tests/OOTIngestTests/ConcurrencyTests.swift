import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Synchronization
import Testing

/// Group commit and concurrency: no lost row, no SQLITE_BUSY reaching a client.
///
/// The posts go over loopback (``LiveServer``): many connections at once, and ingest end to end
/// while a build's reader holds the database.
@Suite struct ConcurrencyTests {
    @Test func manyParallelPostsAreAllStored() async throws {
        try await LiveServer.with(rateLimit: 0) { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<300 {
                    group.addTask { try await server.post(TestRelay.callback(checkRunID: "p\(n)")).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 300)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(try await server.store.count() == 300)
            let keys = try SQLiteDatabase(path: server.databasePath, mode: .readOnly)
                .query("SELECT count(DISTINCT dynamoKey) FROM callbacks")
            #expect(keys == [[.integer(300)]])
        }
    }

    @Test func aReaderHoldingTheDatabaseDoesNotBlockIngest() async throws {
        try await LiveServer.with { server in
            _ = try await server.post(TestRelay.callback(checkRunID: "first"))
            // A build's query stage: a long read transaction on its own connection.
            let reader = try SQLiteDatabase(path: server.databasePath, mode: .readOnly)
            try reader.execute("BEGIN")
            #expect(try reader.query("SELECT count(*) FROM callbacks") == [[.integer(1)]])
            // In WAL mode a reader never takes the write lock; were it otherwise, each commit would
            // wait out the 10 s busy timeout and fail with SQLITE_BUSY (a 500). Every post must succeed.
            for n in 0..<20 {
                let status = try await server.post(TestRelay.callback(checkRunID: "r\(n)")).status
                #expect(status == 200)
            }
            #expect(
                try reader.query("SELECT count(*) FROM callbacks") == [[.integer(1)]], "the reader's snapshot holds")
            try reader.execute("COMMIT")
            #expect(try await server.store.count() == 21)
        }
    }

    @Test func queuedCallbacksCommitTogether() async throws {
        let path = try Fixtures.temporaryDatabase().path
        let batches = Mutex<[Int]>([])
        let store = try IngestStore(path: path, batchObserver: { size in batches.withLock { $0.append(size) } })
        func entry(_ n: Int) throws -> CallbackLog.Entry {
            let body = try TestRelay.callback(checkRunID: "g\(n)")
            return CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
        }
        // Another writer (a build's fold) holds the write lock: the first callback's commit waits on it.
        let blocker = try SQLiteDatabase(path: path)
        try blocker.execute("BEGIN IMMEDIATE")
        let first = try entry(0)
        let leader = Task { try await store.append(first) }
        try await Task.sleep(for: .milliseconds(100))
        // 49 more arrive while that commit is blocked.
        let rest = try (1..<50).map(entry)
        let followers = Task {
            try await withThrowingTaskGroup(of: Int64.self) { group in
                for e in rest { group.addTask { try await store.append(e) } }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
        }
        let deadline = ContinuousClock.now + .seconds(8)  // under the 10 s busy timeout
        while store.queued < 49 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(batches.withLock { $0.isEmpty }, "nothing committed while the lock was held")
        try blocker.execute("COMMIT")
        let ids = try await [leader.value] + followers.value
        #expect(Set(ids).count == 50)
        let sizes = batches.withLock { $0 }
        #expect(sizes.reduce(0, +) == 50)
        #expect(sizes.count <= 2, "50 callbacks were committed in \(sizes.count) transactions: \(sizes)")
        await store.close()
    }

    @Test func closeCommitsWhatIsQueuedAndRefusesTheRest() async throws {
        let path = try Fixtures.temporaryDatabase().path
        let store = try IngestStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<40 {
                let body = try TestRelay.callback(checkRunID: "c\(n)")
                let entry = CallbackLog.Entry(
                    body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
                group.addTask { _ = try await store.append(entry) }
            }
            try await group.waitForAll()
        }
        await store.close()
        let body = try TestRelay.callback(checkRunID: "late")
        await #expect(throws: IngestStoreError.closed) {
            try await store.append(
                CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now))
        }
        #expect(
            try SQLiteDatabase(path: path, mode: .readOnly).query("SELECT count(*) FROM callbacks") == [[.integer(40)]])
    }
}
