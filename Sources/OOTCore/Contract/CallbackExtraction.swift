import Foundation

extension JobRecord {
    /// The statuses a callback may carry (spec §2.1); any other cannot be folded and is refused.
    public static let statuses: Set<String> = ["in_progress", "completed"]
}

extension ExtractedCallback {
    /// Extracts the job record from a decoded relay body (spec §4.1, §4.2, §14).
    ///
    /// Key fields are required (a 400 at the endpoint); every other field of the wrong shape is
    /// dropped or read another way with a ``CallbackWarning``, so the callback is still stored
    /// (spec §14.2). Timestamps are normalized to UTC.
    ///
    /// - Throws: ``CallbackError`` naming the missing key field, with the repo and delivery when known.
    public static func extract(from json: JSONValue) throws(CallbackError) -> ExtractedCallback {
        guard case .object = json else {
            throw CallbackError(field: "body", reason: "body must be a JSON object, got \(json.typeDescription)")
        }
        // A body is read in the first envelope that yields a record; the error is the first one's.
        var firstError: CallbackError?
        for form in Envelope.Form.candidates(for: json) {
            do {
                return try extract(json, form: form)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? CallbackError(field: "trusted", reason: "missing")
    }

    /// Reads `json` in one envelope `form`.
    private static func extract(_ json: JSONValue, form: Envelope.Form) throws(CallbackError) -> ExtractedCallback {
        let sink = WarningSink()
        let envelope = try Envelope(json, form: form, sink: sink)
        let repo = try envelope.repo.requiredString()
        let callback = try envelope.callback.requiredObject()
        let deliveryID = try? callback.member("delivery_id").requiredIdentifier()
        let context = "repo \(repo)" + (deliveryID.map { ", delivery \($0)" } ?? "")
        do {
            let record = try extract(envelope: envelope, callback: callback, repo: repo)
            return ExtractedCallback(record: record, warnings: sink.warnings)
        } catch {
            throw error.with(context: context)
        }
    }

    private static func extract(envelope: Envelope, callback: Field, repo: String) throws(CallbackError) -> JobRecord {
        let deliveryID = try callback.member("delivery_id").requiredIdentifier()
        let workflow = try callback.member("workflow").requiredObject()
        let status = try workflow.member("status").requiredString()
        guard JobRecord.statuses.contains(status) else {
            throw workflow.member("status").error(
                "must be \"in_progress\" or \"completed\", got \"\(status.prefix(64))\"")
        }
        let jobName = try workflow.member("job_name").requiredString()
        let runID = workflow.member("run_id").identifier() ?? ""
        let runAttempt = workflow.member("run_attempt").runAttempt()
        var checkRunID = try workflow.member("check_run_id").requiredIdentifier(allowEmpty: true)
        if checkRunID.isEmpty {
            // The callback action's own fallback (spec §2.1), so the job still gets a key of its own.
            if !runID.isEmpty {
                checkRunID = "\(runID)-\(runAttempt)"
                workflow.member("check_run_id").warn("empty; keyed by run_id-run_attempt (\(checkRunID))")
            } else {
                workflow.member("check_run_id").warn("empty and no run_id; the job is keyed without it")
            }
        }
        let workflowName = workflow.member("name").string() ?? ""
        let eventType = callback.member("event_type").string().flatMap { $0.isEmpty ? nil : $0 }
        let payload = callback.member("payload").object()
        let isPush = eventType == "push"
        let pullRequest = isPush ? nil : payload?.member("pull_request").object()

        var record = JobRecord(
            dynamoKey: "\(repo)/\(deliveryID)/\(workflowName)/\(jobName)/\(checkRunID)",
            status: status,
            downstreamRepo: repo,
            upstreamRepo: payload?.member("repository").object()?.member("full_name").string() ?? "pytorch/pytorch",
            prNumber: pullRequest?.member("number").prNumber() ?? 0,
            pytorchHeadSHA: "",
            deliveryID: deliveryID,
            workflowRunURL: workflow.member("url").string() ?? "",
            workflowName: workflowName,
            jobName: jobName,
            checkRunID: checkRunID,
            runID: runID,
            runAttempt: runAttempt
        )
        record.eventType = eventType
        if isPush {
            readPush(payload, into: &record)
        } else {
            readPullRequest(pullRequest, into: &record)
            let isScheduled = eventType == "nightly" || eventType == "periodic"
            // RFC-0056 self-reports carry the upstream SHA as their delivery id (spec §2.3).
            record.pytorchHeadSHA =
                pullRequest?.member("head").object()?.member("sha").string()
                ?? payload?.member("head_sha").string()
                ?? (isScheduled && Self.looksLikeSHA(deliveryID) ? deliveryID : "")
        }

        record.downstreamRepoLevel = envelope.level?.string().flatMap { $0.isEmpty ? nil : $0 }
        if let metrics = envelope.metrics?.object() {
            // Spec §4.4: for a rerun the relay measures against the original dispatch, possibly
            // days old, so queue_time is only meaningful on attempt 1.
            let queueTime = metrics.member("queue_time").number()
            record.queueTime = record.runAttempt > 1 ? nil : queueTime
            record.executionTime = metrics.member("execution_time").number()
        }
        record.startedAt = workflow.member("started_at").timestamp()
        record.artifactURL = workflow.member("artifact_url").string().flatMap { $0.isEmpty ? nil : $0 }

        // The completion fields are written only by `completed` callbacks (spec §4.2). A null
        // conclusion is left out, so it never replaces a known one (spec §14.3).
        guard status == "completed" else { return record }
        record.conclusion = workflow.member("conclusion").string()
        record.completedAt = workflow.member("completed_at").timestamp()
        if let results = workflow.member("test_results").object() {
            // Spec §4.2: a count is written only when it is a number; total is computed when absent.
            let passed = results.member("passed").count()
            let failed = results.member("failed").count()
            let skipped = results.member("skipped").count()
            record.passedTests = passed
            record.failedTests = failed
            record.skippedTests = skipped
            record.totalTests =
                results.member("total").count()
                ?? [passed, failed, skipped].reduce(Int64(0)) { sum, count in
                    let (next, overflow) = sum.addingReportingOverflow(count ?? 0)
                    return overflow ? Int64.max : next
                }
        }
        return record
    }

    /// The fields of an upstream push to `main` (spec §14.3): the pushed commit is `after` (else
    /// `head_commit.id`), never the delivery id; there is no PR.
    private static func readPush(_ payload: Field?, into record: inout JobRecord) {
        let headCommit = payload?.member("head_commit").object()
        record.pytorchHeadSHA = payload?.member("after").string() ?? headCommit?.member("id").string() ?? ""
        record.pushRef = payload?.member("ref").string()
        record.pushBefore = payload?.member("before").string()
        record.commitTitle = headCommit?.member("message").string().map(Self.firstLine)
        let author = headCommit?.member("author").object()
        record.commitAuthor = author?.member("username").string() ?? author?.member("name").string()
    }

    /// The pull request fields pages and classification use (spec §14.3).
    private static func readPullRequest(_ pullRequest: Field?, into record: inout JobRecord) {
        guard let pullRequest else { return }
        record.prTitle = pullRequest.member("title").string()
        record.prAuthor = pullRequest.member("user").object()?.member("login").string()
        record.headRef = pullRequest.member("head").object()?.member("ref").string()
        let base = pullRequest.member("base").object()
        record.baseSHA = base?.member("sha").string()
        record.baseRef = base?.member("ref").string()
        record.prLabels = pullRequest.member("labels").labelNames()
        record.prDraft = pullRequest.member("draft").bool()
    }

    /// `true` for 7 to 40 hexadecimal digits: a commit SHA, full or abbreviated.
    static func looksLikeSHA(_ text: String) -> Bool {
        (7...40).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
            }
    }

    /// The first line of a commit message (its title), without trailing spaces.
    static func firstLine(_ message: String) -> String {
        let line = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(line).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Where a relay version put the trusted identity, the relay's metrics and the callback.
private struct Envelope {
    /// `trusted.verified_repo`, or the first relay's `authenticated_repo`.
    let repo: Field
    /// `untrusted.callback_payload`, or the first relay's `body`.
    let callback: Field
    /// `trusted.ci_metrics`, or the first relay's top-level `ci_metrics`.
    let metrics: Field?
    /// `trusted.downstream_repo_level` (the first relay sent none).
    let level: Field?

    /// The two shapes relay versions sent.
    enum Form {
        /// `{trusted, untrusted: {callback_payload}}`: every relay since June 2026.
        case trustedUntrusted
        /// `{body, ci_metrics, authenticated_repo}`: the first relay.
        case firstRelay

        /// The forms to try on `json`, most likely first: the first relay's only when its keys are
        /// there, and first when no key of the current form is.
        static func candidates(for json: JSONValue) -> [Form] {
            let current = json["trusted"] != nil || json["untrusted"] != nil
            let first = json["authenticated_repo"] != nil || json["body"] != nil
            if first && !current { return [.firstRelay] }
            return first ? [.trustedUntrusted, .firstRelay] : [.trustedUntrusted]
        }
    }

    init(_ json: JSONValue, form: Form, sink: WarningSink) throws(CallbackError) {
        if form == .firstRelay {
            repo = Field(path: "authenticated_repo", value: json["authenticated_repo"], sink: sink)
            callback = Field(path: "body", value: json["body"], sink: sink)
            metrics = Field(path: "ci_metrics", value: json["ci_metrics"], sink: sink)
            level = nil
            return
        }
        let trusted = try Field(path: "trusted", value: json["trusted"], sink: sink).requiredObject()
        repo = trusted.member("verified_repo")
        callback = Field(path: "untrusted", value: json["untrusted"], sink: sink).member("callback_payload")
        metrics = trusted.member("ci_metrics")
        level = trusted.member("downstream_repo_level")
    }
}

/// Collects the warnings of one extraction.
///
/// Confined to it (never shared across threads).
private final class WarningSink {
    var warnings: [CallbackWarning] = []
}

/// A located JSON value: the value (or its absence) plus its path, so errors and warnings name
/// the field.
///
/// Required readers throw; lenient readers return `nil` and record a warning when the
/// value has the wrong shape (absent and `null` are silent).
private struct Field {
    let path: String
    let value: JSONValue?
    let sink: WarningSink

    func member(_ key: String) -> Field {
        Field(path: "\(path).\(key)", value: value?[key], sink: sink)
    }

    func error(_ reason: String) -> CallbackError {
        CallbackError(field: path, reason: reason)
    }

    func warn(_ reason: String) {
        sink.warnings.append(CallbackWarning(field: path, reason: reason))
    }

    /// Warns that the value is not of the `expected` kind and is dropped.
    private func dropped(expected: String, _ value: JSONValue) {
        warn("expected \(expected), got \(value.typeDescription); dropped")
    }

    private var present: JSONValue? {
        guard let value, !value.isNull else { return nil }
        return value
    }

    // MARK: Required (key) fields

    /// A required object.
    func requiredObject() throws(CallbackError) -> Field {
        guard let value = present else { throw error("missing") }
        guard case .object = value else { throw error("must be an object, got \(value.typeDescription)") }
        return self
    }

    /// A required, non-empty string.
    func requiredString() throws(CallbackError) -> String {
        guard let value = present else { throw error("missing") }
        guard case .string(let s) = value else { throw error("must be a string, got \(value.typeDescription)") }
        guard !s.isEmpty else { throw error("must not be empty") }
        return s
    }

    /// A required string or non-negative integer, stringified (`delivery_id`, `check_run_id`:
    /// spec §4.2 `String(x)`); empty only when `allowEmpty`.
    func requiredIdentifier(allowEmpty: Bool = false) throws(CallbackError) -> String {
        guard let value = present else { throw error("missing") }
        switch value {
        case .string(let s):
            guard allowEmpty || !s.isEmpty else { throw error("must not be empty") }
            return s
        case .integer(let i) where i >= 0: return String(i)
        default: throw error("must be a string or a non-negative integer, got \(value.typeDescription)")
        }
    }

    // MARK: Optional fields: dropped with a warning when of the wrong shape

    /// An object, or `nil` when absent, null or not an object.
    func object() -> Field? {
        guard let value = present else { return nil }
        guard case .object = value else {
            dropped(expected: "an object", value)
            return nil
        }
        return self
    }

    /// A string, or `nil` when absent, null or not a string.
    func string() -> String? {
        guard let value = present else { return nil }
        guard case .string(let s) = value else {
            dropped(expected: "a string", value)
            return nil
        }
        return s
    }

    /// A boolean, or `nil` when absent, null or not a boolean.
    func bool() -> Bool? {
        guard let value = present else { return nil }
        guard case .bool(let b) = value else {
            dropped(expected: "a boolean", value)
            return nil
        }
        return b
    }

    /// A string or a non-negative integer, stringified (`run_id`: numeric on GitHub, a UUID on
    /// Buildkite); `nil` otherwise.
    func identifier() -> String? {
        guard let value = present else { return nil }
        switch value {
        case .string(let s): return s
        case .integer(let i) where i >= 0: return String(i)
        default:
            dropped(expected: "a string or a non-negative integer", value)
            return nil
        }
    }

    /// `Number(run_attempt ?? 1) || 1` (spec §4.2): a number or a string of one; 1 when absent,
    /// below 1 or unusable (with a warning for the unusable).
    func runAttempt() -> Int64 {
        guard let value = present else { return 1 }
        let number: Int64?
        switch value {
        case .string(let s): number = Int64(s.trimmingCharacters(in: .whitespaces))
        case .integer, .double: number = value.integerValue
        default: number = nil
        }
        guard let number else {
            warn("expected a number, got \(value.typeDescription); taken as 1")
            return 1
        }
        return max(1, number)
    }

    /// A finite number, or `nil` when absent, null or anything else.
    func number() -> Double? {
        guard let value = present else { return nil }
        guard let d = value.doubleValue, d.isFinite else {
            dropped(expected: "a number", value)
            return nil
        }
        return d
    }

    /// A non-negative integer, or `nil` (the reference's `typeof === "number"` guard, spec §4.2
    /// and §12 item 10): strings, fractions and negatives are dropped with a warning.
    func count() -> Int64? {
        guard let value = present else { return nil }
        guard let n = value.integerValue, n >= 0 else {
            warn(
                value.integerValue == nil
                    ? "expected a non-negative integer, got \(value.typeDescription); dropped"
                    : "negative count \(value.integerValue ?? 0); dropped")
            return nil
        }
        return n
    }

    /// A PR number: a non-negative integer, or a string of digits (read, with a warning).
    func prNumber() -> Int64? {
        guard let value = present else { return nil }
        if let n = value.integerValue, n >= 0 { return n }
        if case .string(let s) = value, let n = Int64(s.trimmingCharacters(in: .whitespaces)), n >= 0 {
            warn("sent as a string; read as \(n)")
            return n
        }
        dropped(expected: "a non-negative integer", value)
        return nil
    }

    /// An ISO-8601 timestamp normalized to canonical UTC; `nil` (unknown) when absent, null,
    /// empty or unreadable, with a warning for the unreadable.
    func timestamp() -> String? {
        guard let s = string(), !s.isEmpty else { return nil }
        guard let normalized = UTCTimestamp.normalize(s) else {
            warn("\"\(s.prefix(64))\" is not an ISO-8601 timestamp; stored as unknown")
            return nil
        }
        return normalized
    }

    /// The `name` of each label object (`pull_request.labels[].name`); other entries are skipped
    /// with one warning.
    func labelNames() -> [String]? {
        guard let value = present else { return nil }
        guard case .array(let items) = value else {
            dropped(expected: "an array", value)
            return nil
        }
        var names: [String] = []
        var skipped = 0
        for item in items {
            if case .string(let name) = item["name"] ?? .null { names.append(name) } else { skipped += 1 }
        }
        if skipped > 0 {
            Field(path: path + "[].name", value: nil, sink: sink).warn("\(skipped) without a string name; skipped")
        }
        return names
    }
}
