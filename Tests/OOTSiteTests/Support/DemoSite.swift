import Foundation
import OOTCore
import OOTSite
import OOTTestSupport

/// Builds the site from `data/samples` into a temporary directory, as `oot-hud demo` does,
/// with the real templates, saved queries, SQLite file and JUnit files.
struct DemoSite {
    static let root = Fixtures.root
    /// The samples' snapshot time: ten minutes after the latest job time in them.
    static let asOf = UTCTimestamp(parsing: "2026-11-28T09:02:25Z")!

    let directory: URL
    let databasePath: String
    let report: BuildReport

    /// The published tree (`site/current`).
    var output: URL { directory.appendingPathComponent("site/current") }

    /// One build shared by the tests that only read the site.
    private static let sharedBuild = Task { try await build() }

    /// The shared build (built once per test process).
    static func shared() async throws -> DemoSite { try await sharedBuild.value }

    /// Ingests the samples into a fresh database and builds the site.
    static func build() async throws -> DemoSite {
        let directory = try Fixtures.temporaryDirectory("oot-site")
        let db = directory.appendingPathComponent("oot.sqlite").path
        try ingestSamples(into: db)
        let report = try await SiteBuilder.build(options(db: db, out: directory.appendingPathComponent("site").path))
        return DemoSite(directory: directory, databasePath: db, report: report)
    }

    static func ingestSamples(into db: String) throws {
        let batch = try CallbackFiles.read(
            path: root.appendingPathComponent("data/samples/callbacks.ndjson").path, receivedAt: .now)
        precondition(batch.rejections.isEmpty, "\(batch.rejections)")
        try CallbackLog(database: OOTDatabase.openForWriting(path: db)).append(batch.entries)
    }

    static func options(db: String, out: String) -> BuildOptions {
        BuildOptions(
            databasePath: db, outputDirectory: out, templatesDirectory: root.appendingPathComponent("templates").path,
            queriesDirectory: root.appendingPathComponent("data/queries").path,
            harvest: HarvestOptions(artifactRoots: [root.appendingPathComponent("data/samples").path]), now: asOf,
            allowlistPath: root.appendingPathComponent("data/allowlist.yml").path)
    }

    /// The text of a generated file.
    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every generated file, relative to the output directory.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: output.resolvingSymlinksInPath().path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(
                atPath: output.resolvingSymlinksInPath().appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }
}

extension String {
    /// The number of non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// The `href` of the link whose text starts with `text` (empty when absent).
    func href(ofLink text: String) -> String {
        guard let label = range(of: "\">\(text)") else { return "" }
        guard let open = range(of: "href=\"", options: .backwards, range: startIndex..<label.lowerBound) else {
            return ""
        }
        return String(self[open.upperBound..<label.lowerBound])
    }

    /// The text between the first `start` and the next `end` after it (empty when absent).
    func between(_ start: String, _ end: String) -> String {
        guard let a = range(of: start), let b = range(of: end, range: a.upperBound..<endIndex) else { return "" }
        return String(self[a.upperBound..<b.lowerBound])
    }
}
