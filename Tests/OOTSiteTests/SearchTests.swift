import Foundation
import OOTCore
import OOTTestSupport
import Testing

@testable import OOTSite

/// Issue 16, search: the words a test is found by, the index files a build writes (scripts that
/// load from `file://`), hostile names, incremental updates, and the box in a real browser.
@Suite struct SearchTests {
    typealias Job = SyntheticSite.Job

    /// The argument of `OOTSearch.<function>(…);` in a search script, parsed as JSON.
    static func argument(_ script: String, _ function: String) throws -> Any {
        let prefix = "OOTSearch.\(function)("
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"), "\(script.prefix(80))")
        let json = script.dropFirst(prefix.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func namesSplitIntoWordsAtPunctuationAndCamelCase() {
        #expect(
            SearchWords.words("distributed._composable.fsdp.test_fully_shard_comm.DynamicShapesGPUTestsMTGPU") == [
                "distributed", "composable", "fsdp", "test", "fully", "shard", "comm", "dynamic", "shapes", "gpu",
                "tests",
                "mtgpu",
            ])
        #expect(
            SearchWords.words("TestFoo::test_bar/baz-qux float16 x") == [
                "test", "foo", "test", "bar", "baz", "qux", "float16", "x",
            ])
        #expect(SearchWords.words("parseHTTPResponse2Fast") == ["parse", "http", "response2", "fast"])
        #expect(SearchWords.shard(of: "fully") == "fu")
        #expect(SearchWords.shard(of: "x") == nil)
        #expect(SearchWords.shard(of: "é1") == "_c3a931")
        #expect(SearchWords.shards(classname: "a.B", name: "test_zz") == ["zz"], "never by test")
    }

    @Test func aBuildWritesTheIndexAndTheShardsOfFailingTests() async throws {
        let junit = SyntheticSite.junit
        let site = try await SyntheticSite.build([
            Job(
                repo: "a-org/torch-a", pr: 7, name: "unit", conclusion: "failure",
                junit: junit([
                    ("pkg.TestConv.test_conv2d_fast", "failure"), ("pkg.TestConv.test_never_fails", "passed"),
                ]),
                checkRunID: 3001),
            Job(
                repo: "b-org/torch-b", pr: 7, name: "unit",
                junit: junit([("pkg.TestConv.test_conv2d_fast", "passed")]), checkRunID: 3002),
        ])
        let manifest = try #require(try Self.argument(try site.page("search/index.js"), "index") as? [String: Any])
        let backends = try #require(manifest["backends"] as? [[String]])
        #expect(backends.map { $0[0] } == ["a-org/torch-a", "b-org/torch-b"])
        #expect((manifest["prs"] as? [[Any]])?.first?.first as? Int == 7)
        #expect((manifest["jobs"] as? [[Any]])?.first?[1] as? String == "unit")
        let counts = try #require(manifest["shards"] as? [String: Int])
        #expect(counts["co"] == 1 && counts["fa"] == 1 && counts["ne"] == nil, "\(counts)")
        #expect(manifest["partSize"] as? Int == Int(SearchShard.partSize))
        // The test that never failed is not indexed; the failing one lists both backends.
        let shard = try #require(try Self.argument(try site.page("search/shard/co/0.js"), "shard") as? [String: Any])
        let tests = try #require(shard["tests"] as? [[Any]])
        #expect(tests.count == 1)
        #expect(tests[0][0] as? String == "pkg.TestConv" && tests[0][1] as? String == "test_conv2d_fast")
        let id = try #require(tests[0][2] as? Int)
        let details = try #require(
            try Self.argument(try site.page("search/detail/\(id / 32).js"), "detail") as? [String: Any])
        let entry = try #require((details["tests"] as? [[Any]])?.first { $0[0] as? Int == id })
        let runs = try #require(entry[2] as? [[Any]])
        #expect(runs.map { "\($0[0]) \($0[1]) \($0[2])" } == ["0 f 3001", "1 p 3002"])
        // It failed on a-org (a history page there), so it has a page across backends.
        let cross = try #require(entry[1] as? String)
        #expect(site.exists(cross + "/index.html"), "\(cross)")
        #expect(site.exists("oot/a-org/torch-a/" + cross + "/index.html"))
        #expect(site.exists("oot/a-org/torch-a/job/3001/index.html"))
        // Without JavaScript: the A–Z index lists the backends and the failing test under C.
        let az = try site.page("search/index.html")
        #expect(az.contains("a-org/torch-a") && az.contains("c/index.html"))
        #expect(try site.page("search/c/index.html").contains("test_conv2d_fast"))
        #expect(try site.page("oot/index.html").contains("href=\"../search/index.html\""))
    }

    @Test func hostileTestNamesStayInsideTheirJSONStrings() async throws {
        let evil = "</script><script>alert(1)</script>\"');\u{2028}x"
        let escaped = evil.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
        let site = try await SyntheticSite.build([
            Job(
                pr: 9, workflow: evil, name: evil, conclusion: "failure",
                junit: SyntheticSite.junit([("evil.Case.test_evil\(escaped)", "failure")]), checkRunID: 9901)
        ])
        let shards = site.files(under: "search/shard").filter { $0.hasSuffix(".js") }.map { "search/shard/" + $0 }
        #expect(shards.contains("search/shard/ev/0.js"), "\(shards)")
        for path in shards + ["search/detail/0.js", "search/index.js"] {
            let script = try site.page(path)
            #expect(!script.contains("</script"), "\(path)")
            #expect(!script.contains("\u{2028}"), "\(path)")
            #expect(script.components(separatedBy: "\n").count == 2, "one line, one call: \(path)")
        }
        let shard = try #require(
            try Self.argument(try site.page("search/shard/ev/0.js"), "shard") as? [String: Any])
        let name = try #require((shard["tests"] as? [[Any]])?.first?[1] as? String)
        #expect(name == "test_evil" + evil)
        let manifest = try #require(try Self.argument(try site.page("search/index.js"), "index") as? [String: Any])
        #expect((manifest["jobs"] as? [[Any]])?.first?[0] as? String == evil)
    }

    @Test func anIncrementalBuildWritesOnlyTheShardsItChanged() async throws {
        let junit = SyntheticSite.junit
        var site = try await SyntheticSite.build([
            Job(
                repo: "a-org/torch-a", pr: 1, name: "unit", hoursAgo: 10, conclusion: "failure",
                junit: junit([("pkg.Alpha.test_apple", "failure"), ("pkg.Beta.test_berry", "failure")]),
                checkRunID: 4001),
            Job(
                repo: "b-org/torch-b", pr: 1, name: "unit", hoursAgo: 9, conclusion: "failure",
                junit: junit([("pkg.Gamma.test_grape", "failure")]), checkRunID: 4002),
        ])
        // b-org's grape now passes, and a test new to the index fails on b-org.
        site = try await site.adding([
            Job(
                repo: "b-org/torch-b", pr: 2, name: "unit", hoursAgo: 2, conclusion: "failure",
                junit: junit([("pkg.Gamma.test_grape", "passed"), ("pkg.Delta.test_kiwi", "failure")]),
                checkRunID: 4003)
        ])
        #expect(!site.report.full, "\(site.report.reason)")
        let files = site.report.changedPaths.filter {
            $0.hasPrefix("search/shard/") || $0.hasPrefix("search/detail/")
        }
        // kiwi entered the index: its word shards (pkg, delta, kiwi; never "test"); grape's new
        // outcome is in its detail bucket (ids 1–4: bucket 0). Apple's, berry's and grape's word
        // shards (al, ap, be, ga, gr) are not rewritten.
        #expect(
            files.sorted() == [
                "search/detail/0.js", "search/shard/de/0.js", "search/shard/ki/0.js", "search/shard/pk/0.js",
            ])
        let grape = try #require(try Self.argument(try site.page("search/shard/gr/0.js"), "shard") as? [String: Any])
        let id = try #require((grape["tests"] as? [[Any]])?.first?[2] as? Int)
        let details = try #require(
            try Self.argument(try site.page("search/detail/0.js"), "detail") as? [String: Any])
        let runs = (details["tests"] as? [[Any]])?.first { $0[0] as? Int == id }?[2] as? [[Any]]
        #expect(runs?.map { "\($0[1]) \($0[2])" } == ["p 4003"])
        // And the search files equal a full build's.
        let full = try await IncrementalTests.fullBuildTree(of: site)
        let incremental = IncrementalTests.tree(site.output)
        for path in full.keys.filter({ $0.hasPrefix("search/") }).sorted() {
            #expect(incremental[path] == full[path], "\(path)")
        }
        #expect(
            Set(incremental.keys.filter { $0.hasPrefix("search/") })
                == Set(full.keys.filter { $0.hasPrefix("search/") }))
    }

    @Test func aTestEnteringTheIndexRewritesOnlyTheLastPartOfItsShards() async throws {
        let junit = SyntheticSite.junit
        // One more failing test than a part holds: shards `pk` and `ma` get parts 0 (full) and 1.
        let many = (0...SearchShard.partSize).map { ("pkg.Many.test_many_\($0)", "failure") }
        var site = try await SyntheticSite.build([
            Job(
                repo: "a-org/torch-a", pr: 1, name: "unit", hoursAgo: 10, conclusion: "failure", junit: junit(many),
                checkRunID: 5001)
        ])
        #expect(site.exists("search/shard/ma/0.js") && site.exists("search/shard/ma/1.js"))
        #expect(!site.exists("search/shard/ma/2.js"))
        let first = try #require(try Self.argument(try site.page("search/shard/ma/0.js"), "shard") as? [String: Any])
        #expect((first["tests"] as? [[Any]])?.count == Int(SearchShard.partSize))
        #expect(first["part"] as? Int == 0 && first["shard"] as? String == "ma")
        site = try await site.adding([
            Job(
                repo: "a-org/torch-a", pr: 2, name: "unit", hoursAgo: 2, conclusion: "failure",
                junit: junit([("pkg.Many.test_many_zebra", "failure"), ("pkg.Many.test_many", "failure")]),
                checkRunID: 5002)
        ])
        #expect(!site.report.full, "\(site.report.reason)")
        let written = site.report.changedPaths.filter { $0.hasPrefix("search/shard/") }.sorted()
        #expect(written == ["search/shard/ma/1.js", "search/shard/pk/1.js", "search/shard/ze/0.js"], "\(written)")
        let last = try #require(try Self.argument(try site.page("search/shard/ma/1.js"), "shard") as? [String: Any])
        let names = (last["tests"] as? [[Any]])?.compactMap { $0[1] as? String } ?? []
        #expect(names.count == 3 && names.contains("test_many_zebra") && names.contains("test_many"), "\(names)")
        let manifest = try #require(try Self.argument(try site.page("search/index.js"), "index") as? [String: Any])
        #expect((manifest["shards"] as? [String: Int])?["ma"] == Int(SearchShard.partSize) + 3)
        // And the shards and index.js equal a full build's. (Not the detail buckets here: with
        // 2,049 failing tests, more than the 200 history pages of a backend, a test that leaves
        // that set without running again keeps its link until its bucket is next written, as
        // docs/search.md says; the test above compares them.)
        let full = try await IncrementalTests.fullBuildTree(of: site)
        let incremental = IncrementalTests.tree(site.output)
        func compared(_ path: String) -> Bool { path.hasPrefix("search/shard/") || path == "search/index.js" }
        let paths = Set(full.keys.filter(compared))
        #expect(Set(incremental.keys.filter(compared)) == paths)
        for path in paths.sorted() where incremental[path] != full[path] {
            Issue.record("\(path) differs from a full build's")
        }
        // The box loads both parts of `ma` for "many" and finds test_many, which is in the last.
        let (status, output) = try Python.run([
            Fixtures.root.appendingPathComponent("scripts/search-check.py").path, site.output.path, "many",
            "test_many",
        ])
        #expect(status == 0, "\(output)")
    }

    @Test func theBoxFindsATestFromFileURLInChromium() async throws {
        let site = try await DemoSite.shared()
        #expect(site.files().contains("search/shard/ev/0.js"), "the demo's failing tests have shards")
        // Typed as a person types: "fails_every" finds test_fails_every_attempt by word prefixes.
        let (status, output) = try Python.run([
            Fixtures.root.appendingPathComponent("scripts/search-check.py").path, site.output.path, "fails_every",
            "test_fails_every_attempt",
        ])
        #expect(status == 0, "\(output)")
        #expect(output.contains("(exists: True)"), "\(output)")
    }
}
