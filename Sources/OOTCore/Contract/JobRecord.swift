import Foundation

/// One job record extracted from a relay callback: the row image that the callback writes into
/// `oot_workflow_job` (spec §4.2).
///
/// Fields that are optional here are *conditionally set*: `nil` means "absent from the update",
/// so the stored value is kept (UpdateItem semantics, spec §4.3). Timestamps are canonical UTC
/// text (``UTCTimestamp``); times are seconds.
public struct JobRecord: Sendable, Equatable {
    /// `{verified_repo}/{delivery_id}/{workflow.name}/{workflow.job_name}/{workflow.check_run_id}` (spec §4.1).
    public var dynamoKey: String
    /// `in_progress` or `completed`.
    public var status: String
    /// `trusted.verified_repo`, the OIDC-proven `org/name` of the backend.
    public var downstreamRepo: String
    /// `payload.repository.full_name`, default `pytorch/pytorch`.
    public var upstreamRepo: String
    /// `payload.pull_request.number`, `0` for no PR (pushes, nightly and periodic runs).
    public var prNumber: Int64
    /// The upstream commit the job ran on: `payload.pull_request.head.sha`, else `payload.head_sha`,
    /// else a SHA-like `delivery_id` for nightly and periodic runs; for a push, `payload.after`, else
    /// `payload.head_commit.id` (spec §14.3); empty when none.
    public var pytorchHeadSHA: String
    /// `callback_payload.delivery_id`.
    public var deliveryID: String
    /// `workflow.url`, default empty.
    public var workflowRunURL: String
    /// `workflow.name`, default empty.
    public var workflowName: String
    /// `workflow.job_name`.
    public var jobName: String
    /// `workflow.check_run_id`, stringified.
    public var checkRunID: String
    /// `workflow.run_id`, stringified, default empty.
    public var runID: String
    /// `workflow.run_attempt` as a number; `1` when absent, non-numeric or below 1.
    public var runAttempt: Int64

    /// `trusted.downstream_repo_level` (`L1`…`L4`) when sent.
    public var downstreamRepoLevel: String?
    /// `callback_payload.event_type` (`pull_request`, `push`, `nightly`, `periodic`) when sent.
    public var eventType: String?
    /// `trusted.ci_metrics.queue_time`, seconds, when non-null.
    public var queueTime: Double?
    /// `trusted.ci_metrics.execution_time`, seconds, when non-null.
    public var executionTime: Double?
    /// `workflow.started_at`, canonical UTC, when sent.
    public var startedAt: String?
    /// `workflow.artifact_url` when non-empty.
    public var artifactURL: String?
    /// `workflow.conclusion`, verbatim, on `completed` callbacks only; absent when `null`, so a
    /// completed row without one reads as "no conclusion" and never replaces a known one (spec §14.3).
    public var conclusion: String?
    /// `workflow.completed_at`, canonical UTC, on `completed` callbacks only.
    public var completedAt: String?
    /// `workflow.test_results.passed` on `completed` callbacks.
    public var passedTests: Int64?
    /// `workflow.test_results.failed` on `completed` callbacks.
    public var failedTests: Int64?
    /// `workflow.test_results.skipped` on `completed` callbacks.
    public var skippedTests: Int64?
    /// `workflow.test_results.total`, or the sum of the three counts when `total` is absent.
    public var totalTests: Int64?
    /// `payload.pull_request.title` when present (shown on pages without calling GitHub).
    public var prTitle: String?
    /// `payload.pull_request.user.login` when present.
    public var prAuthor: String?
    /// `payload.pull_request.head.ref` when present.
    public var headRef: String?
    /// `payload.pull_request.base.sha`: the base side of the PR when the webhook fired (spec §14.3).
    public var baseSHA: String?
    /// `payload.pull_request.base.ref`, such as `main`.
    public var baseRef: String?
    /// `payload.pull_request.labels[].name`, in the webhook's order; stored as a JSON array.
    public var prLabels: [String]?
    /// `payload.pull_request.draft`.
    public var prDraft: Bool?
    /// `payload.ref` of a push, such as `refs/heads/main` (spec §14.3).
    public var pushRef: String?
    /// `payload.before` of a push: the commit the branch pointed at before it.
    public var pushBefore: String?
    /// The first line of a push's `payload.head_commit.message`.
    public var commitTitle: String?
    /// `payload.head_commit.author.username` of a push, else its `name`.
    public var commitAuthor: String?

    /// The columns this record writes, as `(column, value)` pairs in a fixed order; absent
    /// optional fields are left out so they never overwrite stored values (spec §4.3).
    public var assignments: [(column: String, value: SQLiteValue)] {
        var out: [(String, SQLiteValue)] = [
            ("status", .text(status)),
            ("downstream_repo", .text(downstreamRepo)),
            ("upstream_repo", .text(upstreamRepo)),
            ("pr_number", .integer(prNumber)),
            ("pytorch_head_sha", .text(pytorchHeadSHA)),
            ("delivery_id", .text(deliveryID)),
            ("workflow_run_url", .text(workflowRunURL)),
            ("workflow_name", .text(workflowName)),
            ("job_name", .text(jobName)),
            ("check_run_id", .text(checkRunID)),
            ("run_id", .text(runID)),
            ("run_attempt", .integer(runAttempt)),
        ]
        func add(_ column: String, _ value: String?) { if let value { out.append((column, .text(value))) } }
        func add(_ column: String, _ value: Int64?) { if let value { out.append((column, .integer(value))) } }
        func add(_ column: String, _ value: Double?) { if let value { out.append((column, .real(value))) } }
        add("downstream_repo_level", downstreamRepoLevel)
        add("event_type", eventType)
        add("queue_time", queueTime)
        add("execution_time", executionTime)
        add("started_at", startedAt)
        add("artifact_url", artifactURL)
        add("conclusion", conclusion)
        add("completed_at", completedAt)
        add("passed_tests", passedTests)
        add("failed_tests", failedTests)
        add("skipped_tests", skippedTests)
        add("total_tests", totalTests)
        add("pr_title", prTitle)
        add("pr_author", prAuthor)
        add("head_ref", headRef)
        add("base_sha", baseSHA)
        add("base_ref", baseRef)
        add("pr_labels", prLabels.map(Self.jsonArray))
        add("pr_draft", prDraft.map { $0 ? Int64(1) : 0 })
        add("push_ref", pushRef)
        add("push_before", pushBefore)
        add("commit_title", commitTitle)
        add("commit_author", commitAuthor)
        return out
    }

    /// One encoder for every record: creating one costs more than encoding a few labels.
    private static let encoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// `strings` as a compact JSON array, such as `["ciflow/oot/npu"]`.
    static func jsonArray(_ strings: [String]) -> String {
        do {
            return String(decoding: try encoder.encode(strings), as: UTF8.self)
        } catch {
            preconditionFailure("an array of strings always encodes: \(error)")
        }
    }
}
