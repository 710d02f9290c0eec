import ArgumentParser
import OOTCore

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild oot_workflow_job from the append-only callbacks log (after a fold-rule change).",
        discussion: "Runs in one transaction: readers see the old table until the new one is complete.")

    @Option(help: "SQLite database.") var db: String

    func run() throws {
        let database = try OOTDatabase.openForWriting(path: db)
        let summary = try Fold.reindex(database)
        print("reindexed: applied \(summary.applied) callbacks, \(summary.unchanged) replays, \(summary.failed) bad")
    }
}
