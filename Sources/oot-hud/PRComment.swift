import ArgumentParser
import Foundation
import OOTCore
import OOTSite

struct PRCommentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pr-comment",
        abstract: "Print the Markdown summary of a PR (the page's comment.md) for a PR bot to post.",
        discussion:
            "Reads the database as the last `build` folded and harvested it. Pass --site-url for links to the site's pages (without it the comment links only to GitHub runs)."
    )

    @Argument(help: "PyTorch PR number.") var number: Int64
    @Option(help: "SQLite database.") var db: String
    @Option(name: .customLong("site-url"), help: "Public base URL of the site.") var siteURL: String?
    @Option(help: "Mustache templates folder.") var templates: String = ProjectPaths.templates
    @Option(help: "Saved queries folder.") var queries: String = ProjectPaths.queries
    @Option(help: "Render as of this UTC time (ISO-8601) instead of now.") var now: String?

    func run() async throws {
        var asOf: UTCTimestamp?
        if let now {
            guard let parsed = UTCTimestamp(parsing: now) else {
                throw ValidationError("--now: not an ISO-8601 time: \(now)")
            }
            asOf = parsed
        }
        let markdown = try await SiteBuilder.prComment(
            number: number,
            options: BuildOptions(
                databasePath: db, outputDirectory: "", templatesDirectory: templates, queriesDirectory: queries,
                now: asOf,
                siteURL: siteURL))
        if let notice = SiteBuilder.siteURLNotice(siteURL) {
            FileHandle.standardError.write(Data("oot-hud pr-comment: notice: \(notice)\n".utf8))
        }
        print(markdown, terminator: "")
    }
}
