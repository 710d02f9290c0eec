import Foundation

extension JobRecord {
    /// The statuses a callback may carry (spec §2.1).
    public static let statuses: Set<String> = ["in_progress", "completed"]

    /// Parses a relay→HUD body (`{trusted, untrusted}`, spec §2.2) and extracts its job record.
    ///
    /// - Parameter body: The raw request body (UTF-8 JSON).
    /// - Returns: The record to upsert under its `dynamoKey`.
    /// - Throws: ``CallbackError`` naming the first field that is missing or of the wrong type.
    public static func extract(fromBody body: Data) throws(CallbackError) -> JobRecord {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            throw CallbackError(field: "body", reason: error.description)
        }
        return try extract(from: json)
    }

    /// Extracts the job record from a decoded relay body (spec §4.1, §4.2).
    ///
    /// Stricter than the reference implementation (spec §3.2, §12 item 2): every structural
    /// problem is a ``CallbackError`` instead of a 500, and timestamps are normalized to UTC.
    ///
    /// - Throws: ``CallbackError`` naming the field.
    public static func extract(from json: JSONValue) throws(CallbackError) -> JobRecord {
        guard case .object = json else {
            throw CallbackError(field: "body", reason: "body must be a JSON object, got \(json.typeDescription)")
        }
        let trusted = try Field(json, "trusted").object()
        let repo = try trusted.member("verified_repo").requiredString()
        let callback = try Field(json, "untrusted").object().member("callback_payload").object()
        let deliveryID = try? callback.member("delivery_id").requiredString()
        let context = "repo \(repo)" + (deliveryID.map { ", delivery \($0)" } ?? "")
        do {
            return try extract(trusted: trusted, callback: callback, repo: repo)
        } catch {
            throw error.with(context: context)
        }
    }

    private static func extract(trusted: Field, callback: Field, repo: String) throws(CallbackError) -> JobRecord {
        let deliveryID = try callback.member("delivery_id").requiredString()
        let workflow = try callback.member("workflow").object()
        let status = try workflow.member("status").requiredString()
        guard statuses.contains(status) else {
            throw workflow.member("status").error("must be \"in_progress\" or \"completed\", got \"\(status)\"")
        }
        let jobName = try workflow.member("job_name").requiredString()
        guard let checkRunID = try workflow.member("check_run_id").identifier(), !checkRunID.isEmpty else {
            throw workflow.member("check_run_id").error("missing")
        }
        let workflowName = try workflow.member("name").optionalString() ?? ""
        let eventType = try callback.member("event_type").optionalString().flatMap { $0.isEmpty ? nil : $0 }
        let payload = try callback.member("payload").optionalObject()
        let pullRequest = try payload?.member("pull_request").optionalObject()

        var record = JobRecord(
            dynamoKey: "\(repo)/\(deliveryID)/\(workflowName)/\(jobName)/\(checkRunID)",
            status: status,
            downstreamRepo: repo,
            upstreamRepo: try payload?.member("repository").optionalObject()?.member("full_name").optionalString()
                ?? "pytorch/pytorch",
            prNumber: try pullRequest?.member("number").optionalCount() ?? 0,
            pytorchHeadSHA: "",
            deliveryID: deliveryID,
            workflowRunURL: try workflow.member("url").optionalString() ?? "",
            workflowName: workflowName,
            jobName: jobName,
            checkRunID: checkRunID,
            runID: try workflow.member("run_id").identifier() ?? "",
            runAttempt: try workflow.member("run_attempt").runAttempt()
        )
        let headSHA = try pullRequest?.member("head").optionalObject()?.member("sha").optionalString()
        let scheduledSHA = try payload?.member("head_sha").optionalString()
        let isScheduled = eventType == "nightly" || eventType == "periodic"
        record.pytorchHeadSHA = headSHA ?? scheduledSHA ?? (isScheduled ? deliveryID : "")
        record.prTitle = try pullRequest?.member("title").optionalString()
        record.prAuthor = try pullRequest?.member("user").optionalObject()?.member("login").optionalString()
        record.headRef = try pullRequest?.member("head").optionalObject()?.member("ref").optionalString()

        record.downstreamRepoLevel = try trusted.member("downstream_repo_level").optionalString()
            .flatMap { $0.isEmpty ? nil : $0 }
        record.eventType = eventType
        if let metrics = try trusted.member("ci_metrics").optionalObject() {
            // Spec §4.4: for a rerun the relay measures against the original dispatch, possibly
            // days old, so queue_time is only meaningful on attempt 1.
            let queueTime = try metrics.member("queue_time").optionalNumber()
            record.queueTime = record.runAttempt > 1 ? nil : queueTime
            record.executionTime = try metrics.member("execution_time").optionalNumber()
        }
        record.startedAt = try workflow.member("started_at").optionalTimestamp()
        record.artifactURL = try workflow.member("artifact_url").optionalString().flatMap { $0.isEmpty ? nil : $0 }

        // Read (and type-check) the completion fields on every callback; write them only on
        // `completed` (spec §4.2).
        let conclusion = try workflow.member("conclusion").optionalString()
        let completedAt = try workflow.member("completed_at").optionalTimestamp()
        let results = try workflow.member("test_results").optionalObject()
        if status == "completed" {
            record.conclusion = conclusion
            record.completedAt = completedAt
            if let results {
                // Spec §4.2: a count is written only when it is a number; total is computed when absent.
                let passed = results.member("passed").countIfNumber()
                let failed = results.member("failed").countIfNumber()
                let skipped = results.member("skipped").countIfNumber()
                record.passedTests = passed
                record.failedTests = failed
                record.skippedTests = skipped
                record.totalTests =
                    results.member("total").countIfNumber()
                    ?? [passed, failed, skipped].reduce(Int64(0)) { sum, count in
                        let (next, overflow) = sum.addingReportingOverflow(count ?? 0)
                        return overflow ? Int64.max : next
                    }
            }
        }
        return record
    }
}

/// A located JSON value: the value (or its absence) plus its path, so type errors name the field.
private struct Field {
    let path: String
    let value: JSONValue?

    init(_ root: JSONValue, _ key: String) {
        path = key
        value = root[key]
    }

    init(path: String, value: JSONValue?) {
        self.path = path
        self.value = value
    }

    func member(_ key: String) -> Field {
        Field(path: "\(path).\(key)", value: value?[key])
    }

    func error(_ reason: String) -> CallbackError {
        CallbackError(field: path, reason: reason)
    }

    private var present: JSONValue? {
        guard let value, !value.isNull else { return nil }
        return value
    }

    /// A required object.
    func object() throws(CallbackError) -> Field {
        guard let value = present else { throw error("missing") }
        guard case .object = value else { throw error("must be an object, got \(value.typeDescription)") }
        return self
    }

    /// An object, or `nil` when absent/null.
    func optionalObject() throws(CallbackError) -> Field? {
        guard present != nil else { return nil }
        return try object()
    }

    /// A required, non-empty string.
    func requiredString() throws(CallbackError) -> String {
        guard let s = try optionalString() else { throw error("missing") }
        guard !s.isEmpty else { throw error("must not be empty") }
        return s
    }

    /// A string, or `nil` when absent/null.
    func optionalString() throws(CallbackError) -> String? {
        guard let value = present else { return nil }
        guard case .string(let s) = value else { throw error("must be a string, got \(value.typeDescription)") }
        return s
    }

    /// A string or a non-negative integer, stringified (`check_run_id`, `run_id`: spec §4.2 `String(x)`).
    func identifier() throws(CallbackError) -> String? {
        guard let value = present else { return nil }
        switch value {
        case .string(let s): return s
        case .integer(let i) where i >= 0: return String(i)
        default: throw error("must be a string or a non-negative integer, got \(value.typeDescription)")
        }
    }

    /// `Number(run_attempt ?? 1) || 1` (spec §4.2), with values below 1 also taken as 1.
    func runAttempt() throws(CallbackError) -> Int64 {
        guard let value = present else { return 1 }
        let number: Int64?
        switch value {
        case .string(let s): number = Int64(s.trimmingCharacters(in: .whitespaces))
        case .integer, .double: number = value.integerValue
        default: throw error("must be a string or a number, got \(value.typeDescription)")
        }
        guard let number, number >= 1 else { return 1 }
        return number
    }

    /// A finite number, or `nil` when absent/null.
    func optionalNumber() throws(CallbackError) -> Double? {
        guard let value = present else { return nil }
        guard let d = value.doubleValue, d.isFinite else {
            throw error("must be a number, got \(value.typeDescription)")
        }
        return d
    }

    /// A non-negative integer (a number, or a string of digits), or `nil` when absent/null.
    func optionalCount() throws(CallbackError) -> Int64? {
        guard let value = present else { return nil }
        if case .string(let s) = value, let n = Int64(s), n >= 0 { return n }
        guard let n = value.integerValue, n >= 0 else {
            throw error("must be a non-negative integer, got \(value.typeDescription)")
        }
        return n
    }

    /// A non-negative integer when the value is one; anything else counts as absent (the
    /// reference's `typeof === "number"` guard, spec §4.2 and §12 item 10).
    func countIfNumber() -> Int64? {
        guard let n = value?.integerValue, n >= 0 else { return nil }
        return n
    }

    /// An ISO-8601 timestamp normalized to canonical UTC, or `nil` when absent, null or empty.
    func optionalTimestamp() throws(CallbackError) -> String? {
        guard let s = try optionalString(), !s.isEmpty else { return nil }
        guard let normalized = UTCTimestamp.normalize(s) else {
            throw error("\"\(s.prefix(64))\" is not an ISO-8601 timestamp (expected e.g. 2026-06-01T10:15:30Z)")
        }
        return normalized
    }
}
