import Foundation
import OOTCore
import OOTSite
import Testing

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
        return (QueryRunner(database: db, directory: DemoSite.root.appendingPathComponent("data/queries").path), site.directory.path)
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
        let week = try runner.run("oot_summary", ["days": .integer(7), "now": now])
        #expect(week.rows.map { $0.string("repo") } == ["riscv-ai/torch-rvv", "acme-silicon/torch-npu", "openxpu/pytorch-xpu"])
        #expect(week.rows.map { $0.int("total") } == [5, 22, 13])
        // In the last 24h window only jobs that started after 2026-11-27T08:56:20Z count: PR 188793
        // (started 08:02–08:28) drops out.
        let day = try runner.run("oot_summary", ["days": .integer(1), "now": now])
        #expect(day.rows.map { $0.int("total") }.reduce(0, +) == 40 - 7)
    }

    @Test func dashboardPagesByPR() async throws {
        let (runner, _) = try await Self.fixture()
        let repo = SQLiteValue.text("acme-silicon/torch-npu")
        let first = try runner.run("oot_backend_dashboard", ["repo": repo, "per_page": .integer(2), "offset": .integer(0)])
        #expect(Set(first.rows.map { $0.int("pr_number") }) == [188866, 188815])
        let second = try runner.run("oot_backend_dashboard", ["repo": repo, "per_page": .integer(2), "offset": .integer(2)])
        #expect(Set(second.rows.map { $0.int("pr_number") }) == [188857, 188842])
    }

    @Test func prResultsHoldEveryAttemptAndLevel() async throws {
        let (runner, _) = try await Self.fixture()
        let rows = try runner.run("oot_pr_results", ["pr": .integer(188801)]).rows
        #expect(rows.count == 7)
        #expect(rows.filter { $0.string("job_name") == "test-npu-float32" }.map { $0.int("run_attempt") }.sorted() == [1, 2])
        #expect(Set(rows.map { $0.string("downstream_repo_level") }) == ["L2", "L3", "L4"])
    }

    @Test func aQueryThatWritesIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("evil"), withIntermediateDirectories: true)
        try "DELETE FROM callbacks".write(to: dir.appendingPathComponent("evil/query.sql"), atomically: true, encoding: .utf8)
        try #"{"params": {}, "tests": [{}]}"#.write(to: dir.appendingPathComponent("evil/params.json"), atomically: true, encoding: .utf8)
        let dbPath = dir.appendingPathComponent("oot.sqlite").path
        _ = try OOTDatabase.openForWriting(path: dbPath)
        let runner = QueryRunner(database: try SQLiteDatabase(path: dbPath), directory: dir.path)
        #expect(throws: QueryError(query: "evil", reason: "saved queries must not write")) { try runner.run("evil") }
    }

    @Test func undeclaredAndMissingParametersAreErrors() async throws {
        let (runner, _) = try await Self.fixture()
        #expect(throws: QueryError(query: "oot_pr_results", reason: "parameter x is not declared in params.json")) {
            try runner.run("oot_pr_results", ["pr": .integer(1), "x": .integer(2)])
        }
        #expect(throws: QueryError(query: "oot_pr_results", reason: "missing parameter pr")) {
            try runner.run("oot_pr_results")
        }
    }
}
