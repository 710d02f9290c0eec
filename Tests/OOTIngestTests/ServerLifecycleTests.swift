import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Testing

/// What only a running server shows, over loopback (``LiveServer``): the port it binds and
/// reports through `onServerRunning`, and a graceful shutdown (SIGTERM for `oot-hud serve`) that
/// stops accepting connections but answers the requests in flight once their commit is done.
@Suite struct ServerLifecycleTests {
    @Test func eachServerReportsThePortItBoundAndAnswersThere() async throws {
        let (first, second) = try await LiveServer.with { first in
            try await LiveServer.with { second in
                // Both asked for port 0; each reports the one the kernel gave it.
                #expect(first.port > 0 && second.port > 0 && first.port != second.port)
                for server in [first, second] {
                    #expect(await server.isListening())
                    let reply = try await server.send(.get, IngestRoutes.metrics)
                    #expect(reply.status == 200)
                }
                return (first, second)
            }
        }
        for server in [first, second] {
            #expect(await server.isListening() == false, "port \(server.port) still accepts after shutdown")
        }
    }

    @Test func gracefulShutdownStopsAcceptingAndAnswersWhatIsInFlight() async throws {
        let count = 5  // under AsyncHTTPClient's 8 connections per host: every post is on the wire at once
        let path = try Fixtures.temporaryDatabase().path
        try await LiveServer.with(path: path) { server in
            // A build's fold holds the write lock: the first commit waits on it, the other posts queue.
            let blocker = try SQLiteDatabase(path: path)
            try blocker.execute("BEGIN IMMEDIATE")
            let posts = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for n in 0..<count {
                        group.addTask { try await server.post(TestRelay.callback(checkRunID: "s\(n)")).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            let deadline = ContinuousClock.now + .seconds(8)  // under the 10 s busy timeout
            while server.store.unanswered < count && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            try #require(server.store.unanswered == count, "every post is in flight")

            await server.shutDown()
            var listening = true
            while listening && ContinuousClock.now < deadline {
                listening = await server.isListening()
                if listening { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(!listening, "the server stops accepting connections once shutdown starts")

            try blocker.execute("COMMIT")
            let statuses = try await posts.value
            #expect(statuses == Array(repeating: 200, count: count), "requests in flight are answered")
        }
        // `with` returned: the server stopped and the store closed after committing.
        let stored = try SQLiteDatabase(path: path, mode: .readOnly).query("SELECT count(*) FROM callbacks")
        #expect(stored == [[.integer(Int64(count))]])
    }
}
