import Foundation
import OOTCore
import OOTJUnit
import OOTTestSupport
import Testing

@testable import OOTSynth

/// `oot-hud-synth` on a small configuration, with real SQLite files and JUnit files in temp
/// directories: reproducible, readable back by the endpoint's extraction and by the JUnit parser,
/// and `--append` adds exactly what it says.
@Suite struct SynthTests {
    /// 2 backends, 20 PRs, 400 jobs over 4 days, 30 JUnit files of which 3 big (64 KiB minimum).
    static func smallOptions(seed: UInt64 = 1, workers: Int? = nil) -> SynthOptions {
        var options = SynthOptions()
        options.jobs = 400
        options.backends = 2
        options.prs = 20
        options.junitFiles = 30
        options.bigJUnitFiles = 3
        options.bigJUnitBytes = 65_536
        options.jobsPerDay = 100
        options.seed = seed
        options.batchSize = 150
        if let workers { options.workers = workers }
        return options
    }

    struct Output {
        let directory: URL
        var database: String { directory.appendingPathComponent("oot.sqlite").path }
        var artifacts: String { directory.appendingPathComponent("artifacts").path }
    }

    static func generate(_ options: SynthOptions) throws -> (Output, SynthSummary) {
        let output = Output(directory: try Fixtures.temporaryDirectory("oot-synthtests"))
        let summary = try Synthesizer.generate(
            options: options, databasePath: output.database, artifactsPath: output.artifacts)
        return (output, summary)
    }

    /// `(id, received_at, status, body)` of every callback, in arrival order.
    static func callbacks(_ path: String) throws -> [(Int64, String, String, String)] {
        let db = try OOTDatabase.openForReading(path: path)
        return try db.query("SELECT id, received_at, status, body FROM callbacks ORDER BY id").map {
            ($0[0].integer!, $0[1].text!, $0[2].text!, $0[3].text!)
        }
    }

    /// FNV-1a digest of the callbacks (receive time, status, body) and of every artifact file
    /// (relative path and bytes, in path order).
    static func digest(_ output: Output) throws -> (callbacks: UInt64, files: UInt64, fileCount: Int) {
        var hash = StableHash.of("")
        for (_, received, status, body) in try callbacks(output.database) {
            hash = StableHash.of(bytes: Array("\(received)\t\(status)\t\(body)\n".utf8), continuing: hash)
        }
        let paths = try artifactPaths(output)
        var files = StableHash.of("")
        for path in paths {
            files = StableHash.of(bytes: Array(path.utf8), continuing: files)
            files = StableHash.of(
                bytes: try Data(contentsOf: URL(fileURLWithPath: output.artifacts).appendingPathComponent(path)),
                continuing: files)
        }
        return (hash, files, paths.count)
    }

    static func artifactPaths(_ output: Output) throws -> [String] {
        let root = URL(fileURLWithPath: output.artifacts).resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test func sameSeedGivesIdenticalCallbacksAndFilesWhateverTheThreads() throws {
        let (a, summaryA) = try Self.generate(Self.smallOptions(workers: 1))
        let (b, summaryB) = try Self.generate(Self.smallOptions(workers: 4))
        let (c, _) = try Self.generate(Self.smallOptions(seed: 2))
        defer { for o in [a, b, c] { try? FileManager.default.removeItem(at: o.directory) } }
        #expect(summaryA == summaryB)
        let (da, db, dc) = (try Self.digest(a), try Self.digest(b), try Self.digest(c))
        #expect(da.fileCount == 30)
        #expect(da.callbacks == db.callbacks)
        #expect(da.files == db.files)
        #expect(da.callbacks != dc.callbacks)
        #expect(da.files != dc.files)
    }

    @Test func aSmallSynthReadsBackThroughExtractionAndTheJUnitParser() throws {
        let options = Self.smallOptions()
        let (output, summary) = try Self.generate(options)
        defer { try? FileManager.default.removeItem(at: output.directory) }

        let rows = try Self.callbacks(output.database)
        #expect(rows.count == summary.callbacks)
        #expect(summary.jobs == 400)
        // Every PR job starts; every job but the running ones completes; nightly runs report once.
        #expect(summary.callbacks == 2 * summary.jobs - summary.running - summary.nightlyJobs)
        #expect(summary.nightlyJobs > 0 && summary.running >= summary.lost && summary.lost >= 1)

        var records: [String: [JobRecord]] = [:]
        var receivedTimes: [String] = []
        for (_, received, status, body) in rows {
            let record = try JobRecord.extract(fromBody: Data(body.utf8))
            #expect(record.status == status)
            records[record.dynamoKey, default: []].append(record)
            receivedTimes.append(received)
        }
        #expect(receivedTimes == receivedTimes.sorted(), "callbacks are appended in arrival order")
        #expect(records.count == summary.jobs)
        #expect(Set(records.values.compactMap(\.first?.downstreamRepoLevel)) == ["L4", "L3"])
        var scheduled = 0
        var reruns = 0
        for (key, list) in records {
            let first = list[0]
            if first.eventType == "nightly" {
                scheduled += 1
                #expect(list.map(\.status) == ["completed"], "\(key)")
                #expect(first.prNumber == 0 && first.pytorchHeadSHA == first.deliveryID)
            } else {
                #expect(first.status == "in_progress", "\(key)")
                #expect(list.count <= 2)
                #expect(
                    first.prNumber > 0 && first.prTitle != nil && first.prAuthor != nil
                        && first.pytorchHeadSHA.count == 40)
                if first.runAttempt > 1 { reruns += 1 }
            }
        }
        #expect(scheduled == summary.nightlyJobs)
        #expect(reruns == summary.reruns)

        // Every JUnit file parses and agrees with the test_results of the job pointing to it.
        let completed = records.values.compactMap { $0.last(where: { $0.status == "completed" }) }
        let withFiles = completed.filter { $0.artifactURL != nil }
        #expect(withFiles.count == 30)
        #expect(Set(withFiles.map(\.artifactURL!)).count == 30)
        var big = 0
        var failingReports = 0
        var skipped = 0
        var tests = 0
        for record in withFiles {
            let relative = String(record.artifactURL!.dropFirst("file://".count))
            #expect(relative.split(separator: "/").count == 4, "org/repo/YYYY-MM/<check_run_id>.xml")
            let path = URL(fileURLWithPath: output.artifacts).appendingPathComponent(relative).path
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            let report = JUnitParser.parse(file: path)
            #expect(report.state == .ok, "\(relative): \(report.error ?? "")")
            let s = report.summary
            #expect(s.passed == Int(record.passedTests ?? -1), "\(relative)")
            #expect(s.failures + s.errors == Int(record.failedTests ?? -1), "\(relative)")
            #expect(s.skipped == Int(record.skippedTests ?? -1), "\(relative)")
            skipped += s.skipped
            tests += s.tests
            if record.conclusion == "failure" {
                #expect(s.failures + s.errors > 0, "a failed job's report has failures")
                failingReports += 1
                let failing = report.testcases.filter { $0.outcome.isFailing }
                #expect(failing.allSatisfy { ($0.message ?? "").count > 5 && ($0.details ?? "").contains("Traceback") })
            } else {
                #expect(s.failures + s.errors == 0)
            }
            if size >= options.bigJUnitBytes {
                big += 1
                #expect(s.tests > 100)
            }
        }
        #expect(big == 3)
        #expect(failingReports > 0)
        #expect(skipped * 100 > tests * 2 && skipped * 100 < tests * 10, "about 5 % skipped: \(skipped) of \(tests)")

        // The same tests recur across a backend's reports (history pages need that).
        var seen: [String: Int] = [:]
        for record in withFiles {
            let path = URL(fileURLWithPath: output.artifacts)
                .appendingPathComponent(String(record.artifactURL!.dropFirst("file://".count))).path
            for identity in Set(JUnitParser.parse(file: path).testcases.map { "\($0.classname)::\($0.name)" }) {
                seen[identity, default: 0] += 1
            }
        }
        #expect(seen.values.contains { $0 >= 3 })
    }

    @Test func appendAddsExactlyNDeterministicCallbacksAfterTheExistingOnes() throws {
        let (output, summary) = try Self.generate(Self.smallOptions())
        defer { try? FileManager.default.removeItem(at: output.directory) }
        let copy = Output(directory: try Fixtures.temporaryDirectory("oot-synthtests-copy"))
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        try FileManager.default.removeItem(at: copy.directory)
        try FileManager.default.copyItem(at: output.directory, to: copy.directory)

        let before = try Self.callbacks(output.database)
        var options = Self.smallOptions(seed: 2)
        options.batchSize = 7
        let added = try Synthesizer.append(
            count: 25, options: options, databasePath: output.database, artifactsPath: output.artifacts)
        _ = try Synthesizer.append(
            count: 25, options: options, databasePath: copy.database, artifactsPath: copy.artifacts)
        let after = try Self.callbacks(output.database)
        #expect(after.count == summary.callbacks + 25)
        #expect(added.callbacks == 25)
        #expect(try Self.digest(output) == (try Self.digest(copy)), "same seed and database, same append")

        let newRows = after.suffix(25)
        let lastBefore = before.last!.1
        let keysBefore = Set(try before.map { try JobRecord.extract(fromBody: Data($0.3.utf8)).dynamoKey })
        var completions = 0
        for (_, received, _, body) in newRows {
            #expect(received > lastBefore)
            let record = try JobRecord.extract(fromBody: Data(body.utf8))
            if record.status == "completed" {
                completions += 1
                #expect(keysBefore.contains(record.dynamoKey), "completes a job that was running")
                if let url = record.artifactURL {
                    let path = URL(fileURLWithPath: output.artifacts).appendingPathComponent(String(url.dropFirst(7)))
                        .path
                    let report = JUnitParser.parse(file: path)
                    #expect(report.state == .ok)
                    #expect(report.summary.passed == Int(record.passedTests ?? -1))
                }
            } else {
                #expect(!keysBefore.contains(record.dynamoKey), "starts a new job")
                #expect(record.prNumber > 0)
            }
        }
        #expect(completions == 25 - added.running)
        #expect(completions > 0, "running jobs complete")
    }

    @Test func bodiesEscapeUntrustedTextAndParseBack() throws {
        for title in Catalog.trickyTitles {
            let payload = SynthTestSupport.payload(title: title)
            let body = CallbackBodies.render(
                .init(
                    repo: "org-1/torch-npu", level: "L4", queueMillis: 12_345, executionMillis: nil,
                    eventType: "pull_request", delivery: "d", payload: payload, workflow: "npu-ci \"quoted\"",
                    url: "https://github.com/org-1/torch-npu/actions/runs/1", attempt: 1, jobName: "test\\shard\t1",
                    checkRunID: "7", runID: "1", conclusion: nil, startedMicros: 1_795_867_200_000_000,
                    completedMicros: nil, results: nil, artifactURL: nil))
            let record = try JobRecord.extract(fromBody: Data(body))
            #expect(record.prTitle == title)
            #expect(record.workflowName == "npu-ci \"quoted\"")
            #expect(record.jobName == "test\\shard\t1")
            #expect(record.queueTime == 12.345)
            #expect(record.startedAt == "2026-11-28T12:00:00.000000Z")
        }
    }
}

enum SynthTestSupport {
    /// A webhook payload with `title`, built with the generator's own JSON writer.
    static func payload(title: String) -> [UInt8] {
        var b = ByteWriter()
        b.raw("{\"pull_request\":{\"number\":1,\"title\":")
        b.jsonString(title)
        b.raw(",\"head\":{\"sha\":\"abc\"}},\"repository\":{\"full_name\":\"pytorch/pytorch\"}}")
        return b.bytes
    }
}
