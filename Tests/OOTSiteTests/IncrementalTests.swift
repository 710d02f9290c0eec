import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// Incremental builds (issue #6): what an incremental build publishes is exactly what a full
/// build of the same database publishes, and the publishing is atomic, locked and reversible.
@Suite struct IncrementalTests {
    typealias Job = SyntheticSite.Job
    static let sha = (1...9).map { String(repeating: "\($0)", count: 40) }

    /// Every file of a published tree, relative path → bytes.
    static func tree(_ root: URL) -> [String: Data] {
        let base = root.resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: base.path)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: base.appendingPathComponent(path).path)
            }
        }
        return files
    }

    /// Builds everything again from `site`'s database into `<site>/full` (two PRs per matrix
    /// page, no allowlist, as the synthetic sites here) and returns that published tree.
    static func fullBuildTree(of site: SyntheticSite) async throws -> [String: Data] {
        var options = DemoSite.options(db: site.databasePath, out: site.directory.appendingPathComponent("full").path)
        options.now = SyntheticSite.asOf
        options.allowlistPath = nil
        options.prsPerPage = 2
        options.full = true
        _ = try await SiteBuilder.build(options)
        return tree(site.directory.appendingPathComponent("full/current"))
    }

    @Test func incrementalBuildsPublishWhatAFullBuildWould() async throws {
        let junit = SyntheticSite.junit
        var site = try await SyntheticSite.build([
            Job(
                repo: "a-org/torch-a", pr: 1, sha: Self.sha[0], name: "test", hoursAgo: 30, conclusion: "failure",
                junit: junit([("t.T.one", "failure"), ("t.T.two", "passed")]), checkRunID: 1001),
            Job(
                repo: "a-org/torch-a", pr: 2, sha: Self.sha[1], name: "test", hoursAgo: 29,
                junit: junit([("t.T.one", "passed"), ("t.T.two", "passed")]), checkRunID: 1002),
            Job(repo: "b-org/torch-b", pr: 1, sha: Self.sha[0], name: "build", hoursAgo: 28, checkRunID: 1003),
            Job(
                repo: "b-org/torch-b", pr: 3, sha: Self.sha[2], name: "build", hoursAgo: 27, conclusion: nil,
                checkRunID: 1004),
        ]) { $0.prsPerPage = 2 }
        #expect(site.report.full)
        let steps: [[Job]] = [
            // A rerun that passes, a new PR on both backends, a nightly, a test that turns red.
            [
                Job(
                    repo: "a-org/torch-a", pr: 1, sha: Self.sha[0], name: "test", hoursAgo: 5, attempt: 2,
                    junit: junit([("t.T.one", "passed"), ("t.T.two", "passed")]), checkRunID: 1005),
                Job(
                    repo: "a-org/torch-a", pr: 4, sha: Self.sha[3], name: "test", hoursAgo: 4, conclusion: "failure",
                    junit: junit([("t.T.one", "passed"), ("t.T.two", "error")]), checkRunID: 1006),
                Job(repo: "b-org/torch-b", pr: 4, sha: Self.sha[3], name: "build", hoursAgo: 4, checkRunID: 1007),
                Job(
                    repo: "b-org/torch-b", pr: nil, sha: Self.sha[8], workflow: "nightly", name: "cpu", hoursAgo: 3,
                    conclusion: "failure", checkRunID: 1008),
            ],
            // The long-running job finally completes; a new backend appears; PR #5 opens a third bucket.
            [
                Job(
                    repo: "b-org/torch-b", pr: 3, sha: Self.sha[2], name: "build", hoursAgo: 27, conclusion: "success",
                    checkRunID: 1004),
                Job(repo: "c-org/torch-c", pr: 4, sha: Self.sha[3], name: "lint", hoursAgo: 2, checkRunID: 1009),
                Job(
                    repo: "a-org/torch-a", pr: 5, sha: Self.sha[4], name: "test", hoursAgo: 1,
                    junit: junit([("t.T.one", "passed"), ("t.T.two", "passed")]), checkRunID: 1010),
            ],
        ]
        for jobs in steps {
            site = try await site.adding(jobs) { $0.prsPerPage = 2 }
            #expect(!site.report.full, "\(site.report.reason)")
        }

        let full = try await Self.fullBuildTree(of: site)
        let incremental = Self.tree(site.output)
        #expect(incremental.count > 30)
        #expect(Set(incremental.keys).subtracting(full.keys).sorted() == [], "pages only the incremental build has")
        #expect(Set(full.keys).subtracting(incremental.keys).sorted() == [], "pages the incremental build missed")
        let differing = full.keys.filter { incremental[$0] != nil && incremental[$0] != full[$0] }.sorted()
        #expect(differing == [], "pages the incremental build left stale")
    }

    @Test func aBuildThatFailsHalfwayLeavesThePublishedSiteUntouched() async throws {
        let site = try await SyntheticSite.build([
            Job(pr: 1, sha: Self.sha[0], junit: SyntheticSite.junit([("t.T.one", "failure")]), checkRunID: 2001),
            Job(pr: 2, sha: Self.sha[1], checkRunID: 2002),
        ])
        let before = Self.tree(site.output)
        // A copy of the saved queries where the PR query is broken: the summary and backend pages
        // are written into the scratch tree, then the PR pages fail.
        let queries = site.directory.appendingPathComponent("queries")
        try FileManager.default.copyItem(at: DemoSite.root.appendingPathComponent("data/queries"), to: queries)
        try "SELECT nonsense FROM nowhere".write(
            to: queries.appendingPathComponent("oot_pr_results/query.sql"), atomically: true, encoding: .utf8)
        let error = await #expect(throws: BuildStageError.self) {
            _ = try await site.adding([Job(pr: 3, sha: Self.sha[2], checkRunID: 2003)]) {
                $0.queriesDirectory = queries.path
            }
        }
        Self.expectPRPageFailure(error)
        #expect(Self.tree(site.output) == before, "current still serves the last good build")
        // The next good build publishes everything, including what the failed one folded.
        let next = try await site.adding([])
        #expect(next.exists("pr/3/index.html"))
        #expect(next.report.build == 2)
    }

    @Test func whatAFailedBuildSawIsStillRenderedByTheNextOne() async throws {
        // Two PRs per matrix page: PR 3 opens page 2, so page 1's pager must change too. The
        // failed build commits its index (PR 3's page bucket) before failing; the next build must
        // still know that every page of the backend changed (fault-build.sh kills at this point).
        let pairs: (inout BuildOptions) -> Void = { $0.prsPerPage = 2 }
        let site = try await SyntheticSite.build(
            [Job(pr: 1, sha: Self.sha[0], checkRunID: 2101), Job(pr: 2, sha: Self.sha[1], checkRunID: 2102)],
            configure: pairs)
        let queries = site.directory.appendingPathComponent("queries")
        try FileManager.default.copyItem(at: DemoSite.root.appendingPathComponent("data/queries"), to: queries)
        try "SELECT nonsense FROM nowhere".write(
            to: queries.appendingPathComponent("oot_pr_results/query.sql"), atomically: true, encoding: .utf8)
        let error = await #expect(throws: BuildStageError.self) {
            _ = try await site.adding([Job(pr: 3, sha: Self.sha[2], checkRunID: 2103)]) {
                pairs(&$0)
                $0.queriesDirectory = queries.path
            }
        }
        Self.expectPRPageFailure(error)
        let next = try await site.adding([], configure: pairs)
        #expect(next.report.full == false, "\(next.report.reason)")
        let full = try await Self.fullBuildTree(of: site)
        let incremental = Self.tree(next.output)
        #expect(Set(full.keys).subtracting(incremental.keys).sorted() == [], "pages the incremental build missed")
        let differing = full.keys.filter { incremental[$0] != nil && incremental[$0] != full[$0] }.sorted()
        #expect(differing == [], "pages the incremental build left stale")
    }

    /// `error` is the render stage failing on a PR page (whichever a worker reached first)
    /// because of the broken saved query.
    static func expectPRPageFailure(_ error: BuildStageError?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.stage == "render", sourceLocation: sourceLocation)
        let render = error?.underlying as? RenderError
        #expect(render?.page.hasPrefix("pr/") == true, sourceLocation: sourceLocation)
        #expect(render?.underlying is SQLiteError, sourceLocation: sourceLocation)
        #expect(
            error?.description.hasPrefix("render stage: page \(render?.page ?? "?"): SQLite error 1") == true,
            "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func aSecondBuildDoesNotWaitForTheFirst() async throws {
        let site = try await SyntheticSite.build([Job(checkRunID: 3001)])
        let lock = try BuildLock(databasePath: site.databasePath)
        await #expect(throws: BuildLockError.self) { _ = try await site.adding([]) }
        withExtendedLifetime(lock) {}
    }

    @Test func rollbackServesThePreviousBuildAndTheNextBuildIsFull() async throws {
        let first = try await SyntheticSite.build([Job(pr: 1, sha: Self.sha[0], checkRunID: 4001)])
        let firstTree = Self.tree(first.output)
        let second = try await first.adding([Job(pr: 2, sha: Self.sha[1], checkRunID: 4002)])
        #expect(second.exists("pr/2/index.html"))
        let publisher = try SitePublisher(outputDirectory: second.directory.appendingPathComponent("site").path)
        #expect(try publisher.rollback().hasPrefix("current now serves build 1 (was 2)"))
        #expect(Self.tree(second.output) == firstTree)
        #expect(!second.exists("pr/2/index.html"))
        let third = try await second.adding([])
        #expect(third.report.full && third.report.reason == "rollback")
        #expect(third.exists("pr/2/index.html"))
        let previous = second.directory.appendingPathComponent("site/previous")
        #expect(Self.tree(previous) == firstTree, "the build rolled back to is kept as previous")
    }

    @Test func pruneRemovesOldJobsAndThePagesOnlyTheyFed() async throws {
        let site = try await SyntheticSite.build([
            Job(
                pr: 1, sha: Self.sha[0], hoursAgo: 24 * 20, junit: SyntheticSite.junit([("t.T.old", "failure")]),
                checkRunID: 5001),
            Job(
                pr: 2, sha: Self.sha[1], hoursAgo: 2, junit: SyntheticSite.junit([("t.T.new", "failure")]),
                checkRunID: 5002),
        ])
        #expect(site.exists("pr/1/index.html") && site.exists("oot/synth-org/torch-synth/job/5001/index.html"))
        let db = try OOTDatabase.openForWriting(path: site.databasePath)
        let summary = try Retention.prune(db, before: SyntheticSite.asOf.adding(seconds: -7 * 86_400))
        #expect(
            summary
                == {
                    var s = Retention.Summary()
                    s.jobs = 1; s.callbacks = 2; s.reports = 1; s.testcases = 1; s.prs = 1
                    return s
                }())
        let next = try await site.adding([])
        #expect(next.report.full && next.report.reason == "prune")
        #expect(!next.exists("pr/1/index.html"))
        #expect(!next.exists("oot/synth-org/torch-synth/job/5001/index.html"))
        #expect(next.exists("pr/2/index.html") && next.exists("oot/synth-org/torch-synth/job/5002/index.html"))
        #expect(next.report.removed > 0)
        let landing = try next.page("oot/synth-org/torch-synth/index.html")
        #expect(!landing.contains(">#1</a>") && landing.contains(">#2</a>"))
        #expect(try db.query("SELECT count(*) FROM site_pending") == [[.integer(0)]])
    }
}

/// The build lock's file descriptor is closed exactly once, also when the lock is busy: a second
/// close would hit whatever file another thread opened under the same number in between (seen as
/// SQLite "disk I/O error" in concurrent tests).
@Suite struct BuildLockDescriptorTests {
    @Test func aBusyLockNeverClosesSomeoneElsesDescriptor() async throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        let held = try BuildLock(databasePath: db)
        let probe = directory.appendingPathComponent("probe").path
        FileManager.default.createFile(atPath: probe, contents: Data("x".utf8))
        let rounds = 3_000
        async let busy: Int = Task.detached {
            var refused = 0
            for _ in 0..<rounds where (try? BuildLock(databasePath: db)) == nil { refused += 1 }
            return refused
        }.value
        async let lost: Int = Task.detached {
            var lost = 0
            for _ in 0..<rounds {
                let fd = open(probe, O_RDONLY)
                var info = stat()
                for _ in 0..<20 where fstat(fd, &info) != 0 { lost += 1 }
                close(fd)
            }
            return lost
        }.value
        let (refused, closedUnderUs) = await (busy, lost)
        #expect(refused == rounds)
        #expect(closedUnderUs == 0, "another thread's descriptor was closed by a busy lock")
        withExtendedLifetime(held) {}
    }
}
