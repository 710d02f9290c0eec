import Foundation
import OOTCore
import OOTTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `oot-hud` binary, run as a user runs it.
@Suite struct CLITests {
    /// `oot-hud` sits next to the test bundle in the build products directory.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("oot-hud").path
    /// `oot-hud-synth`, the benchmark generator, sits next to it.
    static let synthBinary = URL(fileURLWithPath: binary).deletingLastPathComponent()
        .appendingPathComponent("oot-hud-synth").path

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `oot-hud arguments` (or another `executable`) with `environment` (PATH only, plus what
    /// is given) and waits.
    static func run(
        _ arguments: [String], executable: String = binary, environment: [String: String] = [:], stdin: Data? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func serveRefusesToStartWithoutAToken() throws {
        let db = try Fixtures.temporaryDatabase().path
        let run = try Self.run(["serve", "--db", db, "--port", "0"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no relay token configured: set OOT_RELAY_TOKEN or pass --token-file"))
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was created")
    }

    /// The readiness bar is configurable (issue 16), and a value that cannot be a bar is refused
    /// before anything is opened.
    @Test func buildRefusesAReadinessBarOutsideItsRange() throws {
        let db = try Fixtures.temporaryDatabase().path
        for (flag, value, message) in [
            ("--readiness-pass-rate", "1.5", "--readiness-pass-rate: a rate from 0 to 1, not 1.5"),
            ("--readiness-timeout-rate", "-0.1", "--readiness-timeout-rate: a rate from 0 to 1, not -0.1"),
            ("--readiness-days", "0", "--readiness-days: at least 1"),
            ("--readiness-queue-minutes", "0", "--readiness-queue-minutes and --readiness-run-hours: above 0"),
        ] {
            let run = try Self.run(["build", "--db", db, "--out", db + "-site", "\(flag)=\(value)"])
            #expect(run.status != 0, "\(flag) \(value)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was created")
    }

    @Test func synthIsItsOwnExecutableAndRefusesToOverwrite() throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [
            "--db", db, "--artifacts", directory.appendingPathComponent("artifacts").path, "--jobs", "300",
            "--backends", "2", "--prs", "10", "--junit", "6", "--big-junit", "1", "--big-junit-bytes", "20000",
            "--jobs-per-day", "100",
        ]
        let run = try Self.run(arguments, executable: Self.synthBinary)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("synth: 300 jobs ("), "\(run.stdout)")
        #expect(run.stderr.contains("synth: plan: 300 jobs"), "one progress line per stage")
        let callbacks = try SQLiteDatabase(path: db, mode: .readOnly).query("SELECT count(*) FROM callbacks")
        #expect(run.stdout.contains(", \(callbacks[0][0].integer ?? -1) callbacks, 6 JUnit files (1 big"))

        let again = try Self.run(arguments, executable: Self.synthBinary)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds"), "\(again.stderr)")
        #expect(
            try SQLiteDatabase(path: db, mode: .readOnly).query("SELECT count(*) FROM callbacks") == callbacks,
            "nothing was added")

        #expect(try Self.run(["synth"] + arguments).status != 0, "synth is no longer an oot-hud subcommand")
    }

    @Test func ingestReportsBadLinesAndKeepsGoodOnes() throws {
        let db = try Fixtures.temporaryDatabase().path
        let good = String(
            decoding: try Fixtures.callback("spec-2.3-in_progress.json").filter { $0 != 0x0A }, as: UTF8.self)
        let input = Data((good + "\n{\"trusted\":{}}\n").utf8)
        let run = try Self.run(["ingest", "--db", db, "-"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("rejected <stdin>:2: trusted.verified_repo: missing"))
        #expect(run.stdout.contains("appended 1 callbacks"))
        #expect(
            try SQLiteDatabase(path: db, mode: .readOnly).query("SELECT count(*) FROM callbacks") == [[.integer(1)]])
    }

    @Test func ingestPrintsDroppedFieldsAsCompilerStyleWarningsAndStoresTheBody() throws {
        let db = try Fixtures.temporaryDatabase().path
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set("untrusted.callback_payload.workflow.test_results", ["docs: 12 passed"])
        let line = String(decoding: body.data, as: UTF8.self)
        let input = Data((line + "\n").utf8)
        let run = try Self.run(["ingest", "--db", db, "-"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "<stdin>:1: warning: untrusted.callback_payload.workflow.test_results: expected an object, got an array; dropped"
            ), "\(run.stderr)")
        #expect(run.stdout.contains("appended 1 callbacks"))
        #expect(run.stdout.contains("1 fields dropped with a warning"))
        #expect(
            try SQLiteDatabase(path: db, mode: .readOnly).query("SELECT count(*) FROM callbacks") == [[.integer(1)]])
    }

    @Test func prCommentPrintsWhatThePRPageShows() throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        let callbacks = try ["spec-2.3-in_progress.json", "spec-2.3-completed.json"].map { name in
            directory.appendingPathComponent(name).path
        }
        for (name, path) in zip(["spec-2.3-in_progress.json", "spec-2.3-completed.json"], callbacks) {
            try Fixtures.callback(name).write(to: URL(fileURLWithPath: path))
        }
        #expect(try Self.run(["ingest", "--db", db] + callbacks).status == 0)
        let out = directory.appendingPathComponent("site").path
        let now = "2026-06-01T12:00:00Z"
        #expect(
            try Self.run([
                "build", "--db", db, "--out", out, "--now", now, "--site-url", "https://hud.example.org/oot-site",
            ]).status == 0)

        let run = try Self.run([
            "pr-comment", "188793", "--db", db, "--now", now, "--site-url", "https://hud.example.org/oot-site",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOfFile: out + "/current/pr/188793/comment.md", encoding: .utf8)))
        #expect(run.stdout.contains("0/1 passed"))
        #expect(run.stdout.contains("accel\\-ci / test\\-accel\\-float32: failure"), "names are Markdown-escaped")
        #expect(run.stdout.contains("https://hud.example.org/oot-site/pr/188793/"))

        let missing = try Self.run(["pr-comment", "1", "--db", db, "--now", now])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty, "a bot posts nothing")
        #expect(missing.stderr.contains("no job of PR #1 in \(db)"), "\(missing.stderr)")
    }

    @Test func aBuildWhileAnotherRunsExitsWith75AndMaintenanceCommandsWork() throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        let callback = directory.appendingPathComponent("c.json").path
        try Fixtures.callback("spec-2.3-completed.json").write(to: URL(fileURLWithPath: callback))
        #expect(try Self.run(["ingest", "--db", db, callback]).status == 0)
        let out = directory.appendingPathComponent("site").path
        let build = ["build", "--db", db, "--out", out, "--now", "2026-06-01T12:00:00Z"]
        #expect(try Self.run(build).status == 0)

        // flock is held per open file: this process holding it blocks the child.
        let lockPath = db + ".build.lock"
        let fd = open(lockPath, O_RDWR)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let busy = try Self.run(build)
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("another oot-hud build is running"))
        #expect(try Self.run(["prune", "--db", db, "--keep-days", "30"]).status == 75)
        flock(fd, LOCK_UN)
        close(fd)

        #expect(try Self.run(build).stdout.contains("build 2 (incremental"))
        let rollback = try Self.run(["rollback", "--out", out])
        #expect(rollback.stdout.contains("current now serves build 1 (was 2)"), "\(rollback.stderr)")
        let prune = try Self.run(["prune", "--db", db, "--keep-days", "30", "--now", "2026-12-31T00:00:00Z"])
        #expect(prune.stdout.contains("1 jobs, 1 callbacks"), "\(prune.stdout)\(prune.stderr)")
        let copy = directory.appendingPathComponent("copy.sqlite").path
        #expect(try Self.run(["backup", "--db", db, "--to", copy]).status == 0)
        #expect(
            try SQLiteDatabase(path: copy, mode: .readOnly).query("SELECT count(*) FROM oot_workflow_job") == [
                [.integer(0)]
            ])
        #expect(try Self.run(["backup", "--db", db, "--to", copy]).status != 0, "never overwrites")
    }

    @Test func serveStopsGracefullyOnSIGTERM() async throws {
        let db = try Fixtures.temporaryDatabase().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--db", db, "--port", "0", "--log-level", "notice"]
        process.environment = ["OOT_RELAY_TOKEN": "t", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        try await Task.sleep(for: .seconds(1))
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("stopped; database closed"))
        #expect(try SQLiteDatabase(path: db, mode: .readOnly).query("PRAGMA integrity_check") == [[.text("ok")]])
    }

    @Test func watchKeepsBuildingUntilStopped() async throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        let callback = directory.appendingPathComponent("c.json").path
        try Fixtures.callback("spec-2.3-completed.json").write(to: URL(fileURLWithPath: callback))
        #expect(try Self.run(["ingest", "--db", db, callback]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "build", "--db", db, "--out", directory.appendingPathComponent("site").path, "--watch", "1s",
        ]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        try await Task.sleep(for: .seconds(3.5))
        process.terminate()  // a killed build is safe: the publish is atomic
        process.waitUntilExit()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("build 1 (full: first build)"))
        #expect(log.contains("build 2 (incremental"))
        #expect(log.contains("build 3 (incremental"), "one build a second: \(log)")
        #expect(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("site/current/pr/188793/index.html").path))
    }

    @Test func reindexRebuildsTheJobsTable() throws {
        let db = try Fixtures.temporaryDatabase().path
        let samples = Fixtures.root.appendingPathComponent("data/samples/callbacks.ndjson").path
        #expect(try Self.run(["ingest", "--db", db, samples]).status == 0)
        let run = try Self.run(["reindex", "--db", db])
        #expect(run.status == 0)
        #expect(run.stdout.contains("reindexed: applied 318 callbacks"))
    }
}

/// `oot-hud junit`: one JSON object per file, fields in a fixed order.
@Suite struct JUnitCommandTests {
    @Test func printsOneJSONObjectPerFileAndFailsOnABadOne() throws {
        let corpus = Fixtures.root.appendingPathComponent("Tests/Fixtures/junit-corpus")
        let good = corpus.appendingPathComponent("edge/repeated-testcase-entries-retries.xml").path
        let bad = corpus.appendingPathComponent("pytest/truncated-corrupt.xml").path
        let run = try CLITests.run(["junit", good, bad])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines[0].hasPrefix(
                "{\"file\":\"\(good)\",\"state\":\"ok\",\"tests\":6,\"passed\":3,\"failures\":1,\"errors\":2,\"skipped\":0,\"flaky\":1,"
            ))
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["state"] as? String == "parse_error")
        #expect((second?["error"] as? String)?.hasPrefix("the report is truncated") == true)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let counts = ["passed", "failures", "errors", "skipped"].compactMap { object[$0] as? Int }.reduce(0, +)
            #expect(counts == object["tests"] as? Int)
        }
    }
}
