import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// The page-weight budget of issue #5: a backend page with 50 PRs × 40 jobs stays ≤ 300 KB of HTML.
@Suite struct BudgetTests {
    static let asOf = UTCTimestamp(parsing: "2026-11-28T12:00:00Z")!

    /// One completed callback of a worst-case backend: long titles, every cell a link with a tooltip.
    static func callback(pr: Int, job: Int, conclusion: String) -> [String: Any] {
        let minutes = pr * 40 + job
        let time = UTCTimestamp(seconds: asOf.seconds - Int64(minutes) * 60).description
        let runID = 90_000_000_000 + pr * 100
        let checkRunID = 80_000_000_000 + pr * 100 + job
        return [
            "trusted": [
                "ci_metrics": ["queue_time": 12.5, "execution_time": 1800.25],
                "verified_repo": "budget-org/torch-budget-accelerator", "downstream_repo_level": "L3",
            ],
            "untrusted": [
                "callback_payload": [
                    "event_type": "pull_request", "delivery_id": "d-\(pr)",
                    "payload": [
                        "pull_request": [
                            "number": 190_000 + pr,
                            "title": "[inductor] A rather long pull request title number \(pr) for the budget",
                            "user": ["login": "contributor-\(pr)"],
                            "head": ["sha": String(repeating: String(format: "%02x", pr % 256), count: 20)],
                        ]
                    ],
                    "workflow": [
                        "schema_version": "1", "name": "budget-accelerator-ci",
                        "url": "https://github.com/budget-org/torch-budget-accelerator/actions/runs/\(runID)",
                        "run_attempt": "1", "job_name": "test-shard-\(job)-of-40 (default, linux.accelerator.2xlarge)",
                        "check_run_id": "\(checkRunID)", "run_id": "\(runID)", "status": "completed",
                        "conclusion": conclusion, "started_at": time, "completed_at": time,
                        "test_results": ["passed": 8430, "failed": conclusion == "failure" ? 2 : 0, "skipped": 20],
                        "artifact_url": "https://artifacts.example.com/\(runID)/\(checkRunID)/test-reports.zip",
                    ],
                ]
            ],
        ]
    }

    @Test func aBackendPageWith50PRsAnd40JobsStaysUnder300KB() async throws {
        let directory = try Fixtures.temporaryDirectory("oot-budget")
        let conclusions = ["success", "success", "success", "failure", "success", "cancelled", "success", "skipped"]
        var lines = ""
        for pr in 0..<50 {
            for job in 0..<40 {
                lines +=
                    String(
                        decoding: Self.callback(pr: pr, job: job, conclusion: conclusions[(pr + job) % 8]).data,
                        as: UTF8.self) + "\n"
            }
        }
        let ndjson = directory.appendingPathComponent("callbacks.ndjson")
        try lines.write(to: ndjson, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("oot.sqlite").path
        let batch = try CallbackFiles.read(path: ndjson.path, receivedAt: .now)
        #expect(batch.rejections.isEmpty)
        try CallbackLog(database: OOTDatabase.openForWriting(path: db)).append(batch.entries)

        var options = DemoSite.options(db: db, out: directory.appendingPathComponent("site").path)
        options.now = Self.asOf
        options.allowlistPath = nil
        options.harvest = HarvestOptions()  // remote artifacts are not fetched: no host is allowed
        let report = try await SiteBuilder.build(options)
        print("budget build: \(report.line)")

        let page = directory.appendingPathComponent("site/current/oot/budget-org/torch-budget-accelerator/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let bytes = html.utf8.count
        #expect(
            html.between("<table class=\"matrix\">", "</table>").occurrences(of: "<tr") == 52,
            "two header rows (workflows, then jobs) and 50 PR rows")
        #expect(html.occurrences(of: "<th class=\"jobcol\" scope=\"col\"") == 40, "40 job columns")
        #expect(bytes <= 300_000, "backend page is \(bytes) bytes")
        print("budget: backend page with 50 PRs × 40 jobs is \(bytes) bytes")
    }
}
