import Foundation
import OOTCore
import OOTSite
import OOTTestSupport

/// A small site built from callbacks written in the test itself, for cases the samples lack
/// (lost jobs, stale backends, pagination, a test that went from green to red).
struct SyntheticSite {
    /// The instant every synthetic site is rendered at.
    static let asOf = UTCTimestamp(parsing: "2026-11-28T12:00:00Z")!

    /// One downstream job: its `in_progress` callback, and its `completed` one unless `conclusion` is nil.
    struct Job {
        var repo = "synth-org/torch-synth"
        var level = "L2"
        /// The PR number; `nil` makes a nightly self-report.
        var pr: Int? = 1
        var sha = String(repeating: "a", count: 40)
        var workflow = "synth-ci"
        var name = "test"
        /// Hours before ``SyntheticSite/asOf`` the job started.
        var hoursAgo = 1.0
        var attempt = 1
        /// `nil` leaves the job in progress.
        var conclusion: String? = "success"
        /// JUnit XML written to an artifact file, if any.
        var junit: String? = nil
        /// The callback's own test summary (`test_results`: passed, failed, skipped), if any.
        var testResults: (passed: Int, failed: Int, skipped: Int)? = nil
        /// Raw artifact bytes and file name (a zip, a gzip file), used instead of ``junit``.
        var artifact: (name: String, bytes: Data)? = nil
        var checkRunID: Int
        /// Whether the webhook payload carries the PR's title and author (the spec's sample does not).
        var titled = true
        /// The PR's base SHA (`pull_request.base.sha`), if sent.
        var baseSHA: String? = nil
        /// A run on a push to upstream main (``pr`` is ignored): `event_type: "push"`.
        var push = false
        /// The PR's title when ``titled`` (`PR <number>` when `nil`); a push's commit message.
        var title: String? = nil
        /// A push's commit author (`merge-bot` when `nil`).
        var author: String? = nil

        func callbacks(artifactDirectory: URL) throws -> [[String: Any]] {
            let start = UTCTimestamp(seconds: SyntheticSite.asOf.seconds - Int64(hoursAgo * 3600))
            let runID = checkRunID / 10
            let base: [String: Any] = baseSHA.map { ["sha": $0, "ref": "main"] } ?? [:]
            let payload: [String: Any] =
                push
                ? [
                    "ref": "refs/heads/main", "after": sha,
                    "head_commit": [
                        "id": sha, "message": title ?? "trunk \(sha.prefix(7))",
                        "author": ["username": author ?? "merge-bot"],
                    ],
                    "repository": ["full_name": "pytorch/pytorch"],
                ]
                : pr.map { number in
                    [
                        "pull_request": titled
                            ? [
                                "number": number, "title": title ?? "PR \(number)", "user": ["login": "dev\(number)"],
                                "head": ["sha": sha], "base": base,
                            ]
                            : ["number": number, "head": ["sha": sha], "base": base]
                    ]
                } ?? ["head_sha": sha, "repository": ["full_name": "pytorch/pytorch"]]
            var workflow: [String: Any] = [
                "schema_version": "1", "name": self.workflow, "url": "https://github.com/\(repo)/actions/runs/\(runID)",
                "run_attempt": "\(attempt)", "job_name": name, "check_run_id": "\(checkRunID)", "run_id": "\(runID)",
                "status": "in_progress", "conclusion": NSNull(), "started_at": start.description,
                "completed_at": NSNull(),
            ]
            func envelope(_ workflow: [String: Any]) -> [String: Any] {
                [
                    "trusted": [
                        "ci_metrics": ["queue_time": 10.0, "execution_time": NSNull()], "verified_repo": repo,
                        "downstream_repo_level": level,
                    ],
                    "untrusted": [
                        "callback_payload": [
                            "event_type": push ? "push" : pr == nil ? "nightly" : "pull_request",
                            "delivery_id": "delivery-\(checkRunID)",
                            "payload": payload, "workflow": workflow,
                        ]
                    ],
                ]
            }
            var out = [envelope(workflow)]
            guard let conclusion else { return out }
            workflow["status"] = "completed"
            workflow["conclusion"] = conclusion
            workflow["started_at"] = NSNull()
            workflow["completed_at"] = start.adding(seconds: 1200).description
            if let testResults {
                workflow["test_results"] = [
                    "passed": testResults.passed, "failed": testResults.failed, "skipped": testResults.skipped,
                ]
            }
            if let artifact {
                let file = artifactDirectory.appendingPathComponent("\(checkRunID)-\(artifact.name)")
                try artifact.bytes.write(to: file)
                workflow["artifact_url"] = file.absoluteString
            } else if let junit {
                let file = artifactDirectory.appendingPathComponent("\(checkRunID).xml")
                try junit.write(to: file, atomically: true, encoding: .utf8)
                workflow["artifact_url"] = file.absoluteString
            }
            out.append(envelope(workflow))
            return out
        }
    }

    let directory: URL
    let report: BuildReport
    /// The published tree (`site/current`).
    var output: URL { directory.appendingPathComponent("site/current") }

    /// Ingests `jobs` into a fresh database and builds the site; `configure` adjusts the options.
    static func build(_ jobs: [Job], allowlist: String? = nil, configure: (inout BuildOptions) -> Void = { _ in })
        async throws
        -> SyntheticSite
    {
        let directory = try Fixtures.temporaryDirectory("oot-synth")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
        if let allowlist {
            try allowlist.write(
                to: directory.appendingPathComponent("allowlist.yml"), atomically: true, encoding: .utf8)
        }
        let empty = SyntheticSite(directory: directory, report: BuildReport())
        return try await empty.adding(jobs, configure: configure)
    }

    /// Ingests more `jobs` into the same database and builds again into the same output (an
    /// incremental build unless `configure` says otherwise).
    func adding(_ jobs: [Job], configure: (inout BuildOptions) -> Void = { _ in }) async throws -> SyntheticSite {
        let artifacts = directory.appendingPathComponent("artifacts")
        var lines = ""
        for job in jobs {
            for callback in try job.callbacks(artifactDirectory: artifacts) {
                lines += String(decoding: callback.data, as: UTF8.self) + "\n"
            }
        }
        let ndjson = directory.appendingPathComponent("callbacks-\(UUID().uuidString).ndjson")
        try lines.write(to: ndjson, atomically: true, encoding: .utf8)
        let batch = try CallbackFiles.read(path: ndjson.path, receivedAt: .now)
        precondition(batch.rejections.isEmpty, "\(batch.rejections)")
        try CallbackLog(database: OOTDatabase.openForWriting(path: databasePath)).append(batch.entries)

        var options = self.options
        configure(&options)
        let report = try await SiteBuilder.build(options)
        return SyntheticSite(directory: directory, report: report)
    }

    /// The build options of this site (before a test's `configure`): its database, output,
    /// artifacts, allowlist and time.
    var options: BuildOptions {
        var options = DemoSite.options(db: databasePath, out: directory.appendingPathComponent("site").path)
        options.now = Self.asOf
        options.harvest = HarvestOptions(artifactRoots: [directory.appendingPathComponent("artifacts").path])
        let allowlist = directory.appendingPathComponent("allowlist.yml")
        options.allowlistPath = FileManager.default.fileExists(atPath: allowlist.path) ? allowlist.path : nil
        return options
    }

    /// The database file.
    var databasePath: String { directory.appendingPathComponent("oot.sqlite").path }

    /// The modification time of a published file (seconds since 1970).
    func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate]
            as! Date
    }

    /// The text of a generated file.
    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Whether a generated file exists.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// The generated files under a folder, relative to it.
    func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: output.resolvingSymlinksInPath().appendingPathComponent(folder).path)?
            .allObjects as? [String] ?? []).sorted()
    }

    /// A JUnit report with one testcase per `(classname.name, outcome)`; outcome is
    /// `passed`, `failure`, `error` or `skipped`.
    static func junit(_ cases: [(String, String)]) -> String {
        var xml = "<?xml version=\"1.0\"?>\n<testsuite name=\"synth\">\n"
        for (test, outcome) in cases {
            let dot = test.lastIndex(of: ".")!
            let open =
                "<testcase classname=\"\(test[..<dot])\" name=\"\(test[test.index(after: dot)...])\" time=\"0.5\""
            switch outcome {
            case "passed": xml += "\(open)/>\n"
            case "skipped": xml += "\(open)><skipped/></testcase>\n"
            default: xml += "\(open)><\(outcome) message=\"boom\">trace</\(outcome)></testcase>\n"
            }
        }
        return xml + "</testsuite>\n"
    }
}
