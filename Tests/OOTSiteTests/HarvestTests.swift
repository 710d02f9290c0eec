import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// The harvest stage against real artifacts: a loopback HTTP server, file:// roots, the drop folder.
@Suite struct HarvestTests {
    /// A database with one completed job per artifact URL; returns the path and each job's key.
    static func database(artifacts: [String]) throws -> (path: String, keys: [String]) {
        let path = try Fixtures.temporaryDatabase().path
        let db = try OOTDatabase.openForWriting(path: path)
        var entries: [CallbackLog.Entry] = []
        var keys: [String] = []
        for (n, url) in artifacts.enumerated() {
            var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
            body.set("untrusted.callback_payload.workflow.check_run_id", "\(9000 + n)")
            body.set("untrusted.callback_payload.workflow.artifact_url", url)
            let data = body.data
            let record = try JobRecord.extract(fromBody: data)
            keys.append(record.dynamoKey)
            entries.append(CallbackLog.Entry(body: data, record: record, receivedAt: .now))
        }
        try CallbackLog(database: db).append(entries)
        _ = try Fold.run(db)
        return (path, keys)
    }

    struct Report: Equatable {
        let state: String
        let error: String?
        let tests: Int64
        let failures: Int64
        let attempts: Int64
    }

    static func report(_ path: String, _ key: String) throws -> Report? {
        let rows = try SQLiteDatabase(path: path, mode: .readOnly).query(
            "SELECT state, error, tests, failures, attempts FROM junit_reports WHERE dynamoKey = ?", [.text(key)])
        guard let r = rows.first else { return nil }
        return Report(
            state: r[0].text ?? "", error: r[1].text, tests: r[2].integer ?? -1, failures: r[3].integer ?? -1,
            attempts: r[4].integer ?? -1)
    }

    static func harvest(_ path: String, _ options: HarvestOptions) async throws -> HarvestSummary {
        try await Harvester(options: options).run(OOTDatabase.openForWriting(path: path))
    }

    static func loopback(timeout: Int64 = 60, maxBytes: Int = 256 << 20) -> HarvestOptions {
        HarvestOptions(
            remote: RemoteFetchPolicy(
                hosts: ["127.0.0.1"], allowHTTP: true, allowPrivateAddresses: true, maxBytes: maxBytes,
                timeoutSeconds: timeout), maxUncompressedBytes: 1 << 20)
    }

    @Test func remoteArtifactsInEveryShape() async throws {
        try await ArtifactServer.with { server in
            let urls = [
                "report.xml", "report.zip", "report.xml.gz", "folder/", "redirect", "log.txt", "bomb.zip",
                "missing.xml", "loop",
            ].map { "\(server.base)/\($0)" }
            let (path, keys) = try Self.database(artifacts: urls)
            let summary = try await Self.harvest(path, Self.loopback())
            #expect(summary.harvested == urls.count)
            // "missing.xml" (404) and "loop" (too many redirects) were never downloaded.
            #expect(summary.fetched == urls.count - 2)
            // horovod: 5 testcases, 1 failure.
            #expect(
                try Self.report(path, keys[0]) == Report(state: "ok", error: nil, tests: 5, failures: 1, attempts: 1))
            // zip: go-junit-report (5 testcases, 1 failure) + Surefire flaky (1 passing); readme.txt ignored.
            #expect(
                try Self.report(path, keys[1]) == Report(state: "ok", error: nil, tests: 6, failures: 1, attempts: 1))
            #expect(try Self.report(path, keys[2])?.tests == 5)
            // HTML index: a.xml (jest, 6 cases, 4 failures) + b.xml (mocha, 109); ../ and other hosts skipped.
            let folder = try Self.report(path, keys[3])
            #expect(
                folder == Report(state: "ok", error: nil, tests: 115, failures: 4, attempts: 1),
                "\(String(describing: folder))")
            #expect(try Self.report(path, keys[4])?.tests == 5, "followed the redirect")
            #expect(
                try Self.report(path, keys[5])
                    == Report(
                        state: "not_junit", error: "not a JUnit artifact: text/plain", tests: 0, failures: 0,
                        attempts: 1))
            #expect(try Self.report(path, keys[6])?.state == "rejected")
            #expect(try Self.report(path, keys[6])?.error?.contains("zip bomb") == true)
            #expect(try Self.report(path, keys[7])?.state == "unavailable")
            #expect(try Self.report(path, keys[7])?.error?.hasPrefix("HTTP 404") == true)
            #expect(try Self.report(path, keys[8])?.error == "more than 5 redirects")
        }
    }

    @Test func aFailingURLIsRetriedAtMostThreeTimesWithTheLastErrorKept() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: ["\(server.base)/unavailable"])
            for attempt in 1...5 {
                let summary = try await Self.harvest(path, Self.loopback())
                #expect(summary.harvested == (attempt <= 3 ? 1 : 0))
            }
            let report = try #require(try Self.report(path, keys[0]))
            #expect(report.state == "fetch_error")
            #expect(report.attempts == 3)
            #expect(report.error == "HTTP 503 from 127.0.0.1")
        }
    }

    @Test func aSlowServerTimesOutAndTheBuildGoesOn() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: ["\(server.base)/slow", "\(server.base)/report.xml"])
            _ = try await Self.harvest(path, Self.loopback(timeout: 3))
            // The server answers 200 after 6 s: a fetch_error means the 3 s deadline cut it off (3 s,
            // so the fast report still arrives in time on a loaded machine).
            let slow = try #require(try Self.report(path, keys[0]))
            #expect(slow.state == "fetch_error", "\(slow)")
            // AsyncHTTPClient reports either its read timeout or the fetch deadline, depending on timing.
            let error = slow.error?.lowercased() ?? ""
            #expect(error.contains("timeout") || error.contains("deadlineexceeded"), "\(slow.error ?? "")")
            let fast = try #require(try Self.report(path, keys[1]))
            #expect(fast.state == "ok", "\(fast)")
        }
    }

    @Test func aWrongContentTypeDoesNotDecideWhatTheBytesAre() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(
                artifacts: ["mislabelled.xml", "mislabelled.zip", "login.xml"].map {
                    "\(server.base)/\($0)"
                })
            _ = try await Self.harvest(path, Self.loopback())
            #expect(
                try Self.report(path, keys[0]) == Report(state: "ok", error: nil, tests: 5, failures: 1, attempts: 1))
            #expect(
                try Self.report(path, keys[1]) == Report(state: "ok", error: nil, tests: 6, failures: 1, attempts: 1))
            #expect(
                try Self.report(path, keys[2])
                    == Report(
                        state: "not_junit", error: "not a JUnit artifact: an HTML page", tests: 0, failures: 0,
                        attempts: 1))
        }
    }

    @Test func aResetOrATruncatedDownloadIsAFetchErrorAndTheBuildGoesOn() async throws {
        let reset = try FaultyServer(.reset)
        let truncated = try FaultyServer(.truncated)
        defer {
            reset.stop()
            truncated.stop()
        }
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: [
                "\(reset.base)/report.xml", "\(truncated.base)/report.xml", "\(server.base)/report.xml",
            ])
            let summary = try await Self.harvest(path, Self.loopback(timeout: 10))
            #expect(summary.harvested == 3)
            for key in keys.prefix(2) {
                let report = try #require(try Self.report(path, key))
                #expect(report.state == "fetch_error", "\(report)")
                #expect(report.error?.isEmpty == false)
                #expect(report.tests == 0, "nothing from a cut download is kept")
            }
            #expect(try Self.report(path, keys[2])?.state == "ok")
        }
    }

    @Test func aDownloadOverTheCapIsRejected() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: ["\(server.base)/report.xml"])
            _ = try await Self.harvest(path, Self.loopback(maxBytes: 100))
            #expect(try Self.report(path, keys[0])?.state == "rejected")
            #expect(try Self.report(path, keys[0])?.error?.contains("cap") == true)
        }
    }

    @Test func theSSRFGuardAndTheHostAllowlistRefuse() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: [
                "\(server.base)/report.xml", "http://localhost:\(server.port)/report.xml", "https://example.org/r.xml",
                "\(server.base)/report.xml".replacingOccurrences(of: "http:", with: "ftp:"),
            ])
            let options = HarvestOptions(
                remote: RemoteFetchPolicy(
                    hosts: ["127.0.0.1", "localhost"], allowHTTP: true, allowPrivateAddresses: false))
            _ = try await Self.harvest(path, options)
            #expect(
                try Self.report(path, keys[0])?.error
                    == "127.0.0.1 resolves to a private or loopback address (SSRF guard)")
            #expect(
                try Self.report(path, keys[1])?.error
                    == "localhost resolves to a private or loopback address (SSRF guard)")
            #expect(try Self.report(path, keys[2])?.error == "host example.org is not on the artifact host allowlist")
            #expect(try Self.report(path, keys[3])?.state == "unavailable")
            for key in keys { #expect(try Self.report(path, key)?.tests == 0) }
        }
    }

    @Test func httpIsRefusedUnlessAllowed() async throws {
        try await ArtifactServer.with { server in
            let (path, keys) = try Self.database(artifacts: ["\(server.base)/report.xml"])
            let options = HarvestOptions(remote: RemoteFetchPolicy(hosts: ["127.0.0.1"], allowPrivateAddresses: true))
            _ = try await Self.harvest(path, options)
            #expect(try Self.report(path, keys[0])?.error == "http:// artifacts are not fetched")
        }
    }

    @Test func fileURLsStayInsideTheirRoots() async throws {
        let root = try Fixtures.temporaryDirectory("roots")
        try ArtifactServer.corpus("pytest/horovod-failure-and-skip.xml").write(to: root.appendingPathComponent("r.xml"))
        let outside = try Fixtures.temporaryDirectory("outside").appendingPathComponent("secret.xml")
        try ArtifactServer.corpus("pytest/horovod-failure-and-skip.xml").write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("link.xml"), withDestinationURL: outside)
        let (path, keys) = try Self.database(artifacts: [
            "file://r.xml", "file://\(root.path)/r.xml", "file://\(outside.path)", "file://../outside/secret.xml",
            "file://link.xml", "file://nope.xml",
        ])
        _ = try await Self.harvest(path, HarvestOptions(artifactRoots: [root.path]))
        #expect(try Self.report(path, keys[0])?.tests == 5)
        #expect(try Self.report(path, keys[1])?.tests == 5)
        #expect(try Self.report(path, keys[2])?.error == "file URL outside the artifact roots refused")
        #expect(try Self.report(path, keys[3])?.error == "file URL with '..' or NUL refused")
        #expect(
            try Self.report(path, keys[4])?.error == "file URL outside the artifact roots refused", "symlinks resolved")
        #expect(try Self.report(path, keys[5])?.error == "artifact not found: nope.xml")
    }

    @Test func theDropFolderFeedsJobsWithoutAnArtifactURL() async throws {
        let drop = try Fixtures.temporaryDirectory("drop")
        let folder = drop.appendingPathComponent("example-org/accel-backend/9000")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ArtifactServer.corpus("googletest/multi-suite-properties.xml").write(
            to: folder.appendingPathComponent("gtest.xml"))
        // A folder whose name is not a plain segment is ignored.
        try FileManager.default.createDirectory(
            at: drop.appendingPathComponent("example-org/..hidden/9000"), withIntermediateDirectories: true)
        let (path, keys) = try Self.database(artifacts: [""])
        let first = try await Self.harvest(path, HarvestOptions(dropFolder: drop.path))
        #expect(first.dropped == 1)
        let report = try #require(try Self.report(path, keys[0]))
        #expect(report.state == "ok")
        #expect(report.tests == 24)
        #expect(report.failures == 4)
        let again = try await Self.harvest(path, HarvestOptions(dropFolder: drop.path))
        #expect(again.harvested == 0, "harvested once")
    }

    /// gotestsum's report of a package that does not compile declares the error only on its root:
    /// the job's report still counts it, and its rows name it, so the job never reads as passing.
    @Test func aDeclaredErrorWithoutATestcaseIsStoredAsOne() async throws {
        let root = try Fixtures.temporaryDirectory("roots")
        try Data(
            contentsOf: Fixtures.root.appendingPathComponent(
                "Tests/Fixtures/producers/gotestsum/gotestsum-build-failure.xml")
        ).write(to: root.appendingPathComponent("go.xml"))
        let (path, keys) = try Self.database(artifacts: ["file://go.xml"])
        _ = try await Self.harvest(path, HarvestOptions(artifactRoots: [root.path]))
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        #expect(
            try db.query(
                "SELECT state, tests, failures, errors FROM junit_reports WHERE dynamoKey = ?", [.text(keys[0])])
                == [[.text("ok"), .integer(6), .integer(1), .integer(1)]])
        #expect(
            try db.query(
                "SELECT name, outcome FROM junit_testcases WHERE dynamoKey = ? AND outcome = 'error'", [.text(keys[0])])
                == [[.text("(declared by the report, no testcase)"), .text("error")]])
    }

    @Test func testcaseRowsCarryOutputAndFlakyFlags() async throws {
        let root = try Fixtures.temporaryDirectory("roots")
        try ArtifactServer.corpus("edge/repeated-testcase-entries-retries.xml").write(
            to: root.appendingPathComponent("r.xml"))
        let (path, keys) = try Self.database(artifacts: ["file://r.xml"])
        _ = try await Self.harvest(path, HarvestOptions(artifactRoots: [root.path]))
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        let flaky = try db.query(
            "SELECT name, outcome, flaky FROM junit_testcases WHERE dynamoKey = ? AND classname = 'test_foo.TestFoo' ORDER BY ordinal",
            [.text(keys[0])])
        #expect(
            flaky == [
                [.text("test_foo"), .text("failure"), .integer(1)], [.text("test_foo"), .text("error"), .integer(1)],
                [.text("test_foo"), .text("passed"), .integer(1)],
            ])
        // test_bar, test_baz, and the error the suite declares without an element.
        #expect(
            try db.query("SELECT count(*) FROM junit_testcases WHERE dynamoKey = ? AND flaky = 0", [.text(keys[0])])
                == [[.integer(3)]])
    }
}
