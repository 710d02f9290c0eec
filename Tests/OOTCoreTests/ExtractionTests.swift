import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// Record extraction from relay bodies (spec §4.1, §4.2) and its validation (spec §3.2, issue #3 list).
@Suite struct ExtractionTests {
    @Test func inProgressSampleGivesTheSpecKeyAndFields() throws {
        let record = try JobRecord.extract(fromBody: Fixtures.callback("spec-2.3-in_progress.json"))
        #expect(
            record.dynamoKey
                == "example-org/accel-backend/0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a/accel-ci/test-accel-float32/27182818284"
        )
        #expect(record.status == "in_progress")
        #expect(record.downstreamRepo == "example-org/accel-backend")
        #expect(record.upstreamRepo == "pytorch/pytorch")
        #expect(record.prNumber == 188793)
        #expect(record.pytorchHeadSHA == "3f2a9c1e5b7d4a6f8e0c2b4d6f8a0c1e3b5d7f9a")
        #expect(record.runAttempt == 1)
        #expect(record.queueTime == 12.345)
        #expect(record.executionTime == nil)
        #expect(record.startedAt == "2026-06-01T10:15:30.000000Z")
        #expect(record.conclusion == nil)
        #expect(record.completedAt == nil)
        #expect(record.totalTests == nil)
        #expect(record.artifactURL == nil)
    }

    @Test func completedSampleComputesTotalAndSkipsNulls() throws {
        let record = try JobRecord.extract(fromBody: Fixtures.callback("spec-2.3-completed.json"))
        #expect(record.conclusion == "failure")
        #expect(record.completedAt == "2026-06-01T10:45:12.000000Z")
        #expect(record.passedTests == 8430)
        #expect(record.failedTests == 2)
        #expect(record.skippedTests == 20)
        #expect(record.totalTests == 8452)
        #expect(record.queueTime == nil, "a null queue_time is absent, never written")
        #expect(record.startedAt == nil, "a null started_at is absent, never written")
        #expect(record.executionTime == 1782.0)
        let columns = record.assignments.map(\.column)
        #expect(!columns.contains("queue_time"))
        #expect(!columns.contains("started_at"))
    }

    @Test(arguments: [
        ("untrusted.callback_payload.workflow.job_name", "untrusted.callback_payload.workflow.job_name: missing"),
        (
            "untrusted.callback_payload.workflow.check_run_id",
            "untrusted.callback_payload.workflow.check_run_id: missing"
        ),
        ("untrusted.callback_payload.delivery_id", "untrusted.callback_payload.delivery_id: missing"),
        ("untrusted.callback_payload.workflow.status", "untrusted.callback_payload.workflow.status: missing"),
        ("untrusted.callback_payload.workflow", "untrusted.callback_payload.workflow: missing"),
        ("untrusted.callback_payload", "untrusted.callback_payload: missing"),
        ("trusted.verified_repo", "trusted.verified_repo: missing"),
    ])
    func missingRequiredFieldIsNamed(path: String, message: String) throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set(path, nil)
        #expect(throws: CallbackError.self) { try JobRecord.extract(fromBody: body.data) }
        do {
            _ = try JobRecord.extract(fromBody: body.data)
        } catch {
            #expect(error.description.hasPrefix(message))
        }
    }

    @Test func errorsNameTheRepoAndDelivery() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set("untrusted.callback_payload.workflow.job_name", "")
        do {
            _ = try JobRecord.extract(fromBody: body.data)
            Issue.record("an empty job_name was accepted")
        } catch {
            #expect(
                error.description
                    == "untrusted.callback_payload.workflow.job_name: must not be empty "
                    + "(repo example-org/accel-backend, delivery 0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a)")
        }
    }

    @Test func numericCheckRunIDIsStringifiedAndStringAttemptIsANumber() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.check_run_id", 27_182_818_284)
        body.set("untrusted.callback_payload.workflow.run_attempt", "3")
        body.set("untrusted.callback_payload.workflow.run_id", 31_415_926_535)
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.checkRunID == "27182818284")
        #expect(record.dynamoKey.hasSuffix("/27182818284"))
        #expect(record.runID == "31415926535")
        #expect(record.runAttempt == 3)
    }

    @Test(arguments: [("abc", 1), ("0", 1), ("-2", 1), ("2", 2)] as [(String, Int64)])
    func unusableRunAttemptFallsBackToOne(value: String, expected: Int64) throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.run_attempt", value)
        #expect(try JobRecord.extract(fromBody: body.data).runAttempt == expected)
    }

    @Test func wrongTypesAreRejectedWithTheirField() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.job_name", 42)
        #expect(
            throws: CallbackError(
                field: "untrusted.callback_payload.workflow.job_name", reason: "must be a string, got a number",
                context: "repo example-org/accel-backend, delivery 0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a")
        ) {
            try JobRecord.extract(fromBody: body.data)
        }
    }

    @Test func unknownStatusIsRejected() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.status", "queued")
        #expect(throws: CallbackError.self) { try JobRecord.extract(fromBody: body.data) }
    }

    @Test func stringCountsAreIgnoredButTotalStillComputed() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set("untrusted.callback_payload.workflow.test_results", ["passed": "10", "failed": 2])
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.passedTests == nil)
        #expect(record.failedTests == 2)
        #expect(record.totalTests == 2)
    }

    @Test func countsAreIgnoredOnInProgress() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.test_results", ["passed": 10])
        body.set("untrusted.callback_payload.workflow.conclusion", "success")
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.totalTests == nil)
        #expect(record.conclusion == nil)
    }

    @Test func nightlySelfReportUsesDeliveryShaAndPRZero() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        let sha = "8a1e4c0d2b6f4e1a9c3d5b7f9e0a2c4e6b8d0f1a"
        body.set("untrusted.callback_payload.event_type", "nightly")
        body.set("untrusted.callback_payload.delivery_id", sha)
        body.set(
            "untrusted.callback_payload.payload", ["repository": ["full_name": "pytorch/pytorch"], "head_sha": sha])
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.prNumber == 0)
        #expect(record.eventType == "nightly")
        #expect(record.pytorchHeadSHA == sha)
        #expect(record.dynamoKey.hasPrefix("example-org/accel-backend/\(sha)/"))
    }

    @Test func pullRequestTitleAuthorAndRefAreKept() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.payload.pull_request.title", "Fix <things>")
        body.set("untrusted.callback_payload.payload.pull_request.user", ["login": "octocat"])
        body.set("untrusted.callback_payload.payload.pull_request.head.ref", "feature/x")
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.prTitle == "Fix <things>")
        #expect(record.prAuthor == "octocat")
        #expect(record.headRef == "feature/x")
    }

    @Test(arguments: ["not json", "[1,2]", "", "{\"trusted\": "])
    func nonObjectBodiesAreRejected(text: String) {
        #expect(throws: CallbackError.self) { try JobRecord.extract(fromBody: Data(text.utf8)) }
    }

    @Test func deepNestingIsRefusedBeforeDecoding() {
        let body = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        do {
            _ = try JobRecord.extract(fromBody: body)
            Issue.record("deep nesting accepted")
        } catch {
            #expect(error.description == "body nests arrays/objects deeper than 64 levels")
        }
    }
}

/// The relay as deployed (spec §14): push runs, the first relay's envelope, scheduled SHAs.
@Suite struct DeployedRelayExtractionTests {
    @Test func aPushIsKeyedByItsAfterCommitWithNoPR() throws {
        let extracted = try ExtractedCallback.extract(fromBody: Fixtures.callback("relay/push-completed.json"))
        let record = extracted.record
        #expect(extracted.warnings.isEmpty)
        #expect(record.eventType == "push")
        #expect(record.prNumber == 0)
        #expect(record.pytorchHeadSHA == "c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00")
        #expect(record.pushRef == "refs/heads/main")
        #expect(record.commitTitle == "[inductor] Fuse pointwise ops across reductions (#188793)")
        #expect(record.prTitle == nil)
    }

    @Test func aPushWithoutAfterFallsBackToTheHeadCommitAndNeverToTheDeliveryID() throws {
        var body = try Fixtures.callbackJSON("relay/push-completed.json")
        body.set("untrusted.callback_payload.payload.after", nil)
        #expect(try JobRecord.extract(fromBody: body.data).pytorchHeadSHA == "c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00")
        body.set("untrusted.callback_payload.payload.head_commit", nil)
        #expect(try JobRecord.extract(fromBody: body.data).pytorchHeadSHA == "")
    }

    @Test func theFirstRelaysEnvelopeReadsAsTrustedAndUntrusted() throws {
        let legacy = try ExtractedCallback.extract(
            fromBody: Fixtures.callback("relay/first-relay-envelope-completed.json"))
        let current = try ExtractedCallback.extract(fromBody: Fixtures.callback("relay/pull_request-completed.json"))
        var expected = current.record
        expected.downstreamRepoLevel = nil
        #expect(legacy.record == expected)
        #expect(legacy.warnings.isEmpty)
    }

    @Test func theFirstRelaysEnvelopeNamesItsOwnFieldsWhenOneIsMissing() throws {
        var body = try Fixtures.callbackJSON("relay/first-relay-envelope-completed.json")
        body.set("authenticated_repo", nil)
        body.set("body.delivery_id", "d")
        #expect(throws: CallbackError(field: "authenticated_repo", reason: "missing")) {
            try JobRecord.extract(fromBody: body.data)
        }
    }

    @Test(arguments: [
        ("8a1e4c0d2b6f4e1a9c3d5b7f9e0a2c4e6b8d0f1a", "8a1e4c0d2b6f4e1a9c3d5b7f9e0a2c4e6b8d0f1a"),
        ("nightly-2026-11-28", ""),
    ])
    func aScheduledRunTakesItsDeliveryIDAsTheSHAOnlyWhenItIsOne(delivery: String, sha: String) throws {
        var body = try Fixtures.callbackJSON("relay/nightly-completed-null-start.json")
        body.set("untrusted.callback_payload.delivery_id", delivery)
        body.set("untrusted.callback_payload.payload.head_sha", nil)
        #expect(try JobRecord.extract(fromBody: body.data).pytorchHeadSHA == sha)
    }

    @Test func warningsAreReadOnlyFromFieldsTheCallbackWrites() throws {
        // test_results on an in_progress callback are not written (spec §4.2), so not judged either.
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.test_results", ["docs: 12 passed"])
        #expect(try ExtractedCallback.extract(fromBody: body.data).warnings.isEmpty)
    }

    @Test func labelsWithoutAStringNameAreSkippedWithOneWarning() throws {
        var body = try Fixtures.callbackJSON("relay/pull_request-in_progress.json")
        body.set("untrusted.callback_payload.payload.pull_request.labels", [["name": "a"], ["id": 3], "b"])
        let extracted = try ExtractedCallback.extract(fromBody: body.data)
        #expect(extracted.record.prLabels == ["a"])
        #expect(
            extracted.warnings.map(\.description) == [
                "untrusted.callback_payload.payload.pull_request.labels[].name: 2 without a string name; skipped"
            ])
    }
}

/// Values at the edges of their types.
@Suite struct ExtractionEdgeTests {
    @Test func hugeCountsSaturateInsteadOfOverflowing() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set(
            "untrusted.callback_payload.workflow.test_results",
            ["passed": Int64.max, "failed": Int64.max, "skipped": 1])
        let record = try JobRecord.extract(fromBody: body.data)
        #expect(record.totalTests == Int64.max)
    }

    @Test func anEmbeddedNULSurvivesTheDatabase() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.job_name", "a\u{0}b")
        let data = body.data
        let record = try JobRecord.extract(fromBody: data)
        let db = try OOTDatabase.openForWriting(path: try Fixtures.temporaryDatabase().path)
        try CallbackLog(database: db).append([CallbackLog.Entry(body: data, record: record, receivedAt: .now)])
        _ = try Fold.run(db)
        #expect(
            try db.query("SELECT job_name, dynamoKey FROM oot_workflow_job") == [
                [.text("a\u{0}b"), .text(record.dynamoKey)]
            ])
        #expect(record.dynamoKey.contains("/a\u{0}b/"))
    }
}
