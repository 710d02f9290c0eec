import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Synchronization
import Testing

/// Group commit and concurrency: no lost row, no SQLITE_BUSY reaching a client.
@Suite struct ConcurrencyTests {
    @Test func manyParallelPostsAreAllStored() async throws {
        try await LiveServer.with(rateLimit: 0) { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<300 {
                    group.addTask { try await server.post(LiveServer.callback(checkRunID: "p\(n)")).status }
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
            _ = try await server.post(LiveServer.callback(checkRunID: "first"))
            // A build's query stage: a long read transaction on its own connection.
            let reader = try SQLiteDatabase(path: server.databasePath, mode: .readOnly)
            try reader.execute("BEGIN")
            #expect(try reader.query("SELECT count(*) FROM callbacks") == [[.integer(1)]])
            let start = ContinuousClock.now
            for n in 0..<20 {
                let status = try await server.post(LiveServer.callback(checkRunID: "r\(n)")).status
                #expect(status == 200)
            }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(5), "ingest did not wait for the reader")
            #expect(try reader.query("SELECT count(*) FROM callbacks") == [[.integer(1)]], "the reader's snapshot holds")
            try reader.execute("COMMIT")
            #expect(try await server.store.count() == 21)
        }
    }

    @Test func queuedCallbacksCommitTogether() async throws {
        let path = try Fixtures.temporaryDatabase().path
        let batches = Mutex<[Int]>([])
        let store = try IngestStore(path: path, batchObserver: { size in batches.withLock { $0.append(size) } })
        // Another writer (a build's fold) holds the write lock while 50 callbacks arrive.
        let blocker = try SQLiteDatabase(path: path)
        try blocker.execute("BEGIN IMMEDIATE")
        let appends = Task {
            try await withThrowingTaskGroup(of: Int64.self) { group in
                for n in 0..<50 {
                    let body = try LiveServer.callback(checkRunID: "g\(n)")
                    let entry = CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
                    group.addTask { try await store.append(entry) }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        try blocker.execute("COMMIT")
        let ids = try await appends.value
        #expect(Set(ids).count == 50)
        let sizes = batches.withLock { $0 }
        #expect(sizes.reduce(0, +) == 50)
        #expect(sizes.count <= 3, "50 queued callbacks were committed in \(sizes.count) transactions")
        await store.close()
    }

    @Test func closeCommitsWhatIsQueuedAndRefusesTheRest() async throws {
        let path = try Fixtures.temporaryDatabase().path
        let store = try IngestStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<40 {
                let body = try LiveServer.callback(checkRunID: "c\(n)")
                let entry = CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
                group.addTask { _ = try await store.append(entry) }
            }
            try await group.waitForAll()
        }
        await store.close()
        let body = try LiveServer.callback(checkRunID: "late")
        await #expect(throws: IngestStoreError.closed) {
            try await store.append(CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now))
        }
        #expect(try SQLiteDatabase(path: path, mode: .readOnly).query("SELECT count(*) FROM callbacks") == [[.integer(40)]])
    }
}
