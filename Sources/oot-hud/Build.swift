import ArgumentParser
import Foundation
import OOTCore
import OOTSite

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fold new callbacks, harvest JUnit artifacts, and render the static site.")

    @Option(help: "SQLite database written by `serve`/`ingest`.") var db: String
    @Option(help: "Output directory for the site.") var out: String = "site"
    @Option(help: "Mustache templates folder.") var templates: String = ProjectPaths.templates
    @Option(help: "Saved queries folder.") var queries: String = ProjectPaths.queries
    @Option(name: .customLong("artifact-root"), help: "Directory file:// artifact URLs may point into (repeatable).")
    var artifactRoots: [String] = []
    @Option(help: "Render as of this UTC time (ISO-8601) instead of now.") var now: String?
    @Option(help: "Summary time window in days.") var days: Int64 = 7
    @Option(name: .customLong("site-url"), help: "Public base URL of the site, for links in comment.md.")
    var siteURL: String?

    func run() async throws {
        var asOf: UTCTimestamp?
        if let now {
            guard let parsed = UTCTimestamp(parsing: now) else { throw ValidationError("--now: not an ISO-8601 time: \(now)") }
            asOf = parsed
        }
        let report = try await SiteBuilder.build(
            BuildOptions(
                databasePath: db, outputDirectory: out, templatesDirectory: templates, queriesDirectory: queries,
                artifactRoots: artifactRoots, now: asOf, days: days, siteURL: siteURL))
        print(report.line)
    }
}
