import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// Untrusted strings: Markdown escaping, link targets, and output paths.
@Suite struct SafetyTests {
    @Test func markdownEscapingDefeatsLinksEmphasisAndHTML() {
        let name = "[click](javascript:alert(1)) **bold** _x_ <script>alert(1)</script> `code` https://evil.example"
        let html = Markdown.html("- " + Markdown.escape(name))
        #expect(!html.contains("<a "))
        #expect(!html.contains("<strong>"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<code>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func cmarkDropsRawHTMLAndJavascriptLinks() {
        let html = Markdown.html("<img src=x onerror=alert(1)> [x](javascript:alert(1))")
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }

    @Test(arguments: [
        ("https://github.com/org/repo/actions/runs/1", true), ("http://ci.example/x?y=1", true),
        ("javascript:alert(1)", false), ("data:text/html,x", false), ("file:///etc/passwd", false),
        ("//evil.example", false), ("https:///x", false), ("https://a b", false), ("https://a\"onmouseover=x", false),
        ("HTTPS://EXAMPLE.ORG", true), ("", false),
    ])
    func onlyHTTPLinksAreSafe(url: String, safe: Bool) {
        #expect((SafeURL.external(url) != nil) == safe)
    }

    @Test(arguments: [
        ("example-org/accel-backend", "oot/example-org/accel-backend"),
        ("../../etc/passwd", "oot/x-"),
        ("%2e%2e/x", "oot/2e-2e/x"),
        ("org/.hidden", "oot/org/hidden"),
        ("Org/<script>", "oot/org/script"),
        ("org/..", "oot/org/x-"),
        ("/etc/passwd", "oot/x-cbf29ce4/etc-passwd"),
        ("org\0evil/x", "oot/org-evil/x"),
        ("org/%2E%2E%2F%2E%2E", "oot/org/2e-2e-2f-2e-2e"),
        ("org/\u{202E}gnp.exe", "oot/org/gnp.exe"),
    ])
    func repoNamesBecomeSafeDirectories(repo: String, expectedPrefix: String) throws {
        let paths = SitePaths()
        let directory = try paths.register(repo: repo)
        #expect(directory.hasPrefix(expectedPrefix))
        #expect(directory.split(separator: "/").count == 3)
        #expect(!directory.contains(".."))
        try SiteWriter.validate(directory + "/index.html")
    }

    @Test func overLongNamesBecomeShortDistinctPathComponents() throws {
        let paths = SitePaths()
        let long = String(repeating: "a", count: 10_000)
        let first = try paths.register(repo: "org/\(long)")
        let second = try paths.register(repo: "org/\(long)b")
        let job = try paths.register(job: "k", repo: "org/\(long)", checkRunID: String(repeating: "9", count: 5_000))
        let testA = try #require(try paths.testDirectory(repo: "org/\(long)", classname: long, name: long + "1"))
        let testB = try #require(try paths.testDirectory(repo: "org/\(long)", classname: long, name: long + "2"))
        for path in [first, second, job, testA, testB] {
            #expect(path.split(separator: "/").allSatisfy { $0.utf8.count <= 100 }, "\(path.prefix(120))")
            try SiteWriter.validate(path + "/index.html")
        }
        #expect(first != second)
        #expect(testA != testB)
    }

    @Test func caseOnlyCollisionsNeverShareAPage() throws {
        let paths = SitePaths()
        let first = try paths.register(repo: "acme/torch")
        let second = try paths.register(repo: "ACME/Torch")
        let third = try paths.register(repo: "acme/torch!")
        #expect(first == "oot/acme/torch")
        #expect(Set([first, second, third]).count == 3)
        #expect(try paths.register(repo: "acme/torch") == first, "stable")
    }

    @Test func assignedPathsPersistInTheDatabase() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let first = try SitePaths(database: db)
        let a = try first.register(repo: "acme/torch")
        let b = try first.register(repo: "ACME/Torch")
        let job = try first.register(job: "k1", repo: "acme/torch", checkRunID: "42")
        // A later build (a fresh instance, a read-only connection) finds the same paths.
        let later = try SitePaths(database: OOTDatabase.openForReading(path: path))
        #expect(try later.backendDirectory("acme/torch") == a)
        #expect(try later.backendDirectory("ACME/Torch") == b)
        #expect(try later.jobDirectory("k1") == job)
        #expect(try later.jobDirectory("k2") == nil, "no drill-down, no path")
        #expect(throws: SQLiteError.self) { try later.register(repo: "new/repo") }
    }

    @Test func jobDirectoriesUseSafeCheckRunIDsOrAHash() throws {
        let paths = SitePaths()
        let plain = try paths.register(job: "k1", repo: "o/r", checkRunID: "27182818284")
        let weird = try paths.register(job: "k2", repo: "o/r", checkRunID: "../../x")
        let clash = try paths.register(job: "k3", repo: "o/r", checkRunID: "27182818284")
        #expect(plain == "oot/o/r/job/27182818284")
        #expect(weird.hasPrefix("oot/o/r/job/job-"))
        #expect(clash != plain)
    }

    @Test(arguments: ["/etc/passwd", "a/../../b", "a/./b", "a//b", "a\0b", "a\\b", ""])
    func writerRefusesEscapingPaths(path: String) {
        #expect(throws: SiteWriterError.self) { try SiteWriter.validate(path) }
    }

    @Test func writerKeepsUnchangedFilesUntouched() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-w-\(UUID().uuidString)").path
        let writer = try SiteWriter(directory: dir)
        try writer.write("hello", to: "a/index.html")
        let file = dir + "/a/index.html"
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file)
        try writer.write("hello", to: "a/index.html")
        #expect(writer.unchanged == 1)
        let mtime = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(mtime == past)
        try writer.write("changed", to: "a/index.html")
        #expect(writer.written == 2)
    }

    /// The publisher hard-links the served tree into the scratch tree; a page rewritten there must
    /// get a new inode, leaving the served file's bytes alone, and leave no temporary file behind.
    @Test func writerNeverModifiesAHardLinkedFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-w-\(UUID().uuidString)").path
        let writer = try SiteWriter(directory: dir + "/scratch")
        try writer.write("served", to: "a/index.html")
        let served = dir + "/served.html"
        #expect(link(dir + "/scratch/a/index.html", served) == 0)
        try writer.write("rebuilt", to: "a/index.html")
        #expect(try String(contentsOfFile: served, encoding: .utf8) == "served")
        #expect(try String(contentsOfFile: dir + "/scratch/a/index.html", encoding: .utf8) == "rebuilt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/scratch/a") == ["index.html"])
    }
}
