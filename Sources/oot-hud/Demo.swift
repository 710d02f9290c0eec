import ArgumentParser
import Foundation
import OOTCore
import OOTSite

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest the sample callbacks into a fresh database and build the site from them.")

    @Option(help: "Sample data folder (*.ndjson / *.json callbacks and their JUnit files).")
    var samples: String = ProjectPaths.samples
    @Option(help: "Database to (re)create.") var db: String = ProjectPaths.root + "/data/demo.sqlite"
    @Option(help: "Output directory.") var out: String = ProjectPaths.root + "/site"

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        // A fresh site too (the folder's README.md placeholder stays).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] where name != "README.md" {
            try? FileManager.default.removeItem(atPath: out + "/" + name)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: samples)
            .filter { $0.hasSuffix(".ndjson") || $0.hasSuffix(".json") }.sorted()
        let log = try CallbackLog(database: OOTDatabase.openForWriting(path: db))
        var appended = 0
        for file in files {
            let batch = try CallbackFiles.read(path: samples + "/" + file, receivedAt: .now)
            for rejection in batch.rejections { print("rejected \(rejection)") }
            try log.append(batch.entries)
            appended += batch.entries.count
        }
        print("ingested \(appended) sample callbacks from \(files.count) file(s) into \(db)")
        // Fold first so the snapshot time can be read from the data itself.
        let folded = try Fold.run(log.database)
        let asOf = try SiteBuilder.latestJobTime(databasePath: db)?.adding(seconds: 600)
        let report = try await SiteBuilder.build(
            BuildOptions(
                databasePath: db, outputDirectory: out, templatesDirectory: ProjectPaths.templates,
                queriesDirectory: ProjectPaths.queries, harvest: HarvestOptions(artifactRoots: [samples]), now: asOf,
                allowlistPath: ProjectPaths.root + "/data/allowlist.yml", full: true))
        print("folded \(folded.applied) callbacks into oot_workflow_job")
        print(report.line)
        print("sample data is a snapshot; pages are rendered as of \(report.now)")
        let page = URL(fileURLWithPath: out).appendingPathComponent("current/oot/index.html").standardizedFileURL.path
        print("open: file://\(page)")
    }
}
