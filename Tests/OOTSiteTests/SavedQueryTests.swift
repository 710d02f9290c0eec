import Foundation
import OOTCore
import Testing

@testable import OOTSite

/// Every saved query runs its `params.json` test cases against a fixture database built from the
/// samples, read-only; the runner refuses writes and undeclared parameters.
@Suite struct SavedQueryTests {
    static let names = try! FileManager.default.contentsOfDirectory(
        atPath: DemoSite.root.appendingPathComponent("data/queries").path
    ).filter { !$0.hasPrefix(".") }.sorted()

    /// A folded (and harvested) fixture database.
    static func fixture() async throws -> (QueryRunner, String) {
        let site = try await DemoSite.shared()
        let db = try OOTDatabase.openForReading(path: site.databasePath)
        return (
            QueryRunner(database: db, directory: DemoSite.root.appendingPathComponent("data/queries").path),
            site.directory.path
        )
    }

    @Test func thereAreSavedQueries() {
        #expect(Self.names.contains("oot_summary"))
        #expect(Self.names.contains("oot_backend_dashboard"))
        #expect(Self.names.contains("oot_pr_results"))
    }

    @Test(arguments: names)
    func paramsJSONTestsRun(name: String) async throws {
        let (runner, _) = try await Self.fixture()
        let counts = try runner.runTests(name)
        #expect(!counts.isEmpty, "\(name)/params.json has at least one test")
    }

    @Test func summaryWindowFollowsDays() async throws {
        let (runner, _) = try await Self.fixture()
        let now = SQLiteValue.text(DemoSite.asOf.description)
        let week = try runner.run("oot_summary", as: OotSummaryRow.self, ["days": .integer(7), "now": now])
        #expect(
            week.map(\.repo) == [
                "riscv-ai/torch-rvv", "openxpu/pytorch-xpu", "acme-silicon/torch-npu", "hexa-compute/torch-hxa",
            ])
        #expect(week.map(\.total) == [6, 16, 25, 6])
        // In the last 24h window only jobs that started after 2026-11-27T09:02:25Z count: PR 188793
        // (started 08:02–08:28) drops out.
        let day = try runner.run("oot_summary", as: OotSummaryRow.self, ["days": .integer(1), "now": now])
        #expect(day.map(\.total).reduce(0, +) == 53 - 7)
    }

    /// The summary as one scan of the jobs, as it was before the daily rollup: the reference the
    /// rollup-based `oot_summary` must match.
    static let summaryFromJobs = """
        SELECT w.downstream_repo AS repo, count(*) FILTER (WHERE conclusion = 'success') AS successes,
               count(*) FILTER (WHERE conclusion = 'failure') AS failures,
               count(*) FILTER (WHERE conclusion = 'timed_out') AS timed_out,
               count(*) FILTER (WHERE conclusion = 'cancelled') AS cancelled, count(*) AS total,
               avg(w.duration_seconds) AS avg_duration_s, max(w.effective_started_at) AS last_run
        FROM oot_workflow_job w
        WHERE w.status = 'completed' AND w.pr_number > 0
          AND w.effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', ?1, '-' || ?2 || ' days') || '000Z'
          AND w.effective_started_at <= ?1
        GROUP BY w.downstream_repo ORDER BY repo
        """

    /// Compares `oot_summary` with ``summaryFromJobs`` for many windows ending at many instants.
    static func expectSummaryMatchesJobs(_ path: String, around now: UTCTimestamp) throws {
        let db = try OOTDatabase.openForReading(path: path)
        let runner = QueryRunner(database: db, directory: DemoSite.root.appendingPathComponent("data/queries").path)
        let midnight = UTCTimestamp(parsing: String(now.description.prefix(10)) + "T00:00:00Z")!
        let instants = [
            now, now.adding(seconds: -5 * 3600), now.adding(seconds: 30 * 3600), midnight,
            midnight.adding(seconds: -0.5), now.adding(seconds: -9 * 86400),
        ]
        var compared = 0
        for instant in instants {
            for days: Int64 in [1, 2, 7, 30] {
                let expected = try db.query(Self.summaryFromJobs, [.text(instant.description), .integer(days)])
                let actual = try runner.run(
                    "oot_summary", as: OotSummaryRow.self, ["days": .integer(days), "now": .text(instant.description)]
                ).sorted { $0.repo < $1.repo }
                #expect(actual.count == expected.count, "\(instant) \(days)d")
                for (row, want) in zip(actual, expected) {
                    #expect(row.repo == want[0].text)
                    #expect(
                        [row.successes, row.failures, row.timedOut, row.cancelled, row.total]
                            == want[1...5].map { $0.integer ?? -1 }, "\(instant) \(days)d \(row.repo)")
                    #expect(abs((row.avgDurationS ?? 0) - (want[6].double ?? 0)) < 1e-6)
                    #expect(row.lastRun == want[7].text)
                    compared += 1
                }
            }
        }
        #expect(compared > 20, "the windows held data")
    }

    @Test func theRollupSummaryEqualsAScanOfTheJobsThroughBuildsAndPrune() async throws {
        // 45 days of jobs on three backends: every conclusion, reruns, nightlies, running jobs.
        let conclusions = ["success", "failure", "timed_out", "cancelled", "success", "neutral"]
        var jobs: [SyntheticSite.Job] = []
        for n in 0..<180 {
            jobs.append(
                SyntheticSite.Job(
                    repo: ["a-org/torch-a", "b-org/torch-b", "c-org/torch-c"][n % 3],
                    pr: n % 11 == 0 ? nil : 100 + n / 4,
                    name: "job-\(n % 5)", hoursAgo: Double(n) * 6.1 + 0.3, attempt: 1 + n % 2,
                    conclusion: n % 17 == 0 ? nil : conclusions[n % conclusions.count], checkRunID: 50_000 + n))
        }
        var site = try await SyntheticSite.build(jobs)
        try Self.expectSummaryMatchesJobs(site.databasePath, around: SyntheticSite.asOf)
        // An incremental build: new jobs today and a rerun of an old day.
        site = try await site.adding([
            SyntheticSite.Job(repo: "a-org/torch-a", pr: 900, hoursAgo: 2, conclusion: "failure", checkRunID: 60_001),
            SyntheticSite.Job(
                repo: "b-org/torch-b", pr: 101, hoursAgo: 100, attempt: 3, conclusion: "success", checkRunID: 60_002),
        ])
        try Self.expectSummaryMatchesJobs(site.databasePath, around: SyntheticSite.asOf)
        // Retention drops the old days; the rollup follows.
        let pruned = try Retention.prune(
            OOTDatabase.openForWriting(path: site.databasePath), before: SyntheticSite.asOf.adding(seconds: -20 * 86400)
        )
        #expect(pruned.jobs > 0)
        try Self.expectSummaryMatchesJobs(site.databasePath, around: SyntheticSite.asOf)
    }

    /// The demo holds push runs and a nightly report without `started_at`: neither counts as a PR job.
    @Test func theRollupMatchesAScanOfTheDemosPRJobs() async throws {
        try Self.expectSummaryMatchesJobs(try await DemoSite.shared().databasePath, around: DemoSite.asOf)
    }

    @Test func dashboardPagesByPR() async throws {
        let (runner, _) = try await Self.fixture()
        let repo = SQLiteValue.text("acme-silicon/torch-npu")
        let first = try runner.run(
            "oot_backend_dashboard", as: JobRow.self, ["repo": repo, "per_page": .integer(2), "offset": .integer(0)])
        #expect(Set(first.map(\.prNumber)) == [188866, 188874])
        let second = try runner.run(
            "oot_backend_dashboard", as: JobRow.self, ["repo": repo, "per_page": .integer(2), "offset": .integer(2)])
        #expect(Set(second.map(\.prNumber)) == [188815, 188857])
    }

    @Test func prResultsHoldEveryAttemptAndLevel() async throws {
        let (runner, _) = try await Self.fixture()
        let rows = try runner.run("oot_pr_results", as: JobRow.self, ["pr": .integer(188801)])
        #expect(rows.count == 7)
        #expect(rows.filter { $0.jobName == "test-npu-float32" }.map(\.runAttempt).sorted() == [1, 2])
        #expect(Set(rows.map(\.level)) == ["L2", "L3", "L4"])
        #expect(Set(rows.map(\.prNumber)) == [188801])
    }

    @Test func aQueryThatWritesIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("evil"), withIntermediateDirectories: true)
        try "DELETE FROM callbacks".write(
            to: dir.appendingPathComponent("evil/query.sql"), atomically: true, encoding: .utf8)
        try #"{"params": {}, "tests": [{}]}"#.write(
            to: dir.appendingPathComponent("evil/params.json"), atomically: true, encoding: .utf8)
        let dbPath = dir.appendingPathComponent("oot.sqlite").path
        _ = try OOTDatabase.openForWriting(path: dbPath)
        let runner = QueryRunner(database: try SQLiteDatabase(path: dbPath), directory: dir.path)
        #expect(throws: QueryError(query: "evil", reason: "saved queries must not write")) {
            try runner.runValues("evil")
        }
    }

    @Test func undeclaredAndMissingParametersAreErrors() async throws {
        let (runner, _) = try await Self.fixture()
        #expect(throws: QueryError(query: "oot_pr_results", reason: "parameter x is not declared in params.json")) {
            try runner.runValues("oot_pr_results", ["pr": .integer(1), "x": .integer(2)])
        }
        #expect(throws: QueryError(query: "oot_pr_results", reason: "missing parameter pr")) {
            try runner.runValues("oot_pr_results")
        }
    }

    /// `oot_test_history` as a plain join (every job of the backend probed): the reference for the
    /// saved query, which reads the identity index within the backend's key range instead.
    static let historyByJobs = """
        SELECT j.dynamoKey, tc.ordinal, tc.outcome
        FROM junit_testcases tc JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
        WHERE tc.name = ?3 AND (tc.classname = ?2 OR (tc.classname = '' AND tc.suite = ?2)) AND j.downstream_repo = ?1
        ORDER BY j.effective_started_at DESC, j.run_attempt DESC, tc.ordinal LIMIT 100
        """

    @Test func testHistoryByKeyRangeEqualsAJoinOverTheBackendsJobs() async throws {
        let site = try await DemoSite.shared()
        let db = try OOTDatabase.openForReading(path: site.databasePath)
        let runner = QueryRunner(database: db, directory: DemoSite.root.appendingPathComponent("data/queries").path)
        // Every test identity of every backend, including names that sort next to another repo's.
        let identities = try db.query(
            """
            SELECT DISTINCT j.downstream_repo, CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END, tc.name
            FROM junit_testcases tc JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
            """)
        #expect(identities.count > 100)
        for identity in identities {
            let expected = try db.query(Self.historyByJobs, identity).map { [$0[0], $0[1], $0[2]] }
            let actual = try runner.run(
                "oot_test_history", as: OotTestHistoryRow.self,
                [
                    "repo": identity[0], "classname": identity[1], "name": identity[2], "limit": .integer(100),
                ]
            ).map { [SQLiteValue.text($0.dynamoKey), .integer($0.ordinal), .text($0.outcome)] }
            #expect(actual == expected, "\(identity)")
        }
    }

    @Test func everySavedQueryHasARowType() {
        #expect(Set(QueryRowTypes.byQuery.keys) == Set(Self.names))
    }

    /// A saved query copied into a scratch folder with `sql` as its text, and a runner over it.
    static func scratchQuery(_ sql: String) async throws -> QueryRunner {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("q"), withIntermediateDirectories: true)
        try sql.write(to: dir.appendingPathComponent("q/query.sql"), atomically: true, encoding: .utf8)
        try #"{"params": {}, "tests": [{}]}"#.write(
            to: dir.appendingPathComponent("q/params.json"), atomically: true, encoding: .utf8)
        let db = try OOTDatabase.openForReading(path: try await DemoSite.shared().databasePath)
        return QueryRunner(database: db, directory: dir.path)
    }

    @Test func aMissingColumnThrowsEvenForAnOptionalProperty() async throws {
        // oot_summary without avg_duration_s (an optional property): never read as nil.
        let runner = try await Self.scratchQuery(
            "SELECT 'a/b' AS repo, 'L2' AS downstream_repo_level, 1 AS successes, 0 AS failures, 0 AS timed_out, "
                + "0 AS cancelled, 1 AS total, 1.0 AS pass_rate, NULL AS last_run")
        #expect(throws: QueryRowError.self) { try runner.run("q", as: OotSummaryRow.self) }
        do {
            _ = try runner.run("q", as: OotSummaryRow.self)
        } catch let error as QueryRowError {
            #expect(error.column == "avg_duration_s")
            #expect(error.description.hasPrefix("saved query q, column avg_duration_s: missing"))
        }
    }

    @Test func aValueOfTheWrongTypeThrows() async throws {
        let runner = try await Self.scratchQuery("SELECT 'seven' AS pr_number")
        #expect(
            throws: QueryRowError(
                query: "q", column: "pr_number", reason: "expected an integer, found the text \"seven\"")
        ) { try runner.run("q", as: OotPrNumbersRow.self) }
        let null = try await Self.scratchQuery("SELECT NULL AS pr_number")
        #expect(throws: QueryRowError(query: "q", column: "pr_number", reason: "expected an integer, found NULL")) {
            try null.run("q", as: OotPrNumbersRow.self)
        }
    }

    @Test func columnsReadByNameInAnyOrderAndNullIntoOptionals() async throws {
        let runner = try await Self.scratchQuery(
            "SELECT NULL AS last_failed, 3 AS failures, 'test_add' AS name, 'TestOps' AS classname")
        let rows = try runner.run("q", as: OotBackendFailingTestsRow.self)
        #expect(rows.count == 1)
        #expect(rows.first?.classname == "TestOps")
        #expect(rows.first?.name == "test_add")
        #expect(rows.first?.failures == 3)
        #expect(rows.first?.lastFailed == nil)
    }

    @Test func aJobListingWithoutAJobColumnFailsTheBuildNamingIt() async throws {
        let runner = try await Self.scratchQuery(
            "SELECT dynamoKey, downstream_repo FROM oot_workflow_job LIMIT 1")
        #expect(throws: QueryRowError.self) { try runner.run("q", as: JobRow.self) }
    }
}
