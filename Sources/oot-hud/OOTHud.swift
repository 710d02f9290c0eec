import ArgumentParser

/// `oot-hud`: the OOT HUD command line.
///
/// Subcommands only; the work is in the libraries.
@main
struct OOTHud: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oot-hud",
        abstract: "PyTorch HUD for out-of-tree backend CI: relay ingest + static site.",
        subcommands: [
            Demo.self, Serve.self, Ingest.self, Build.self, Reindex.self, JUnit.self, PRCommentCommand.self,
            Rollback.self,
            Prune.self, Backup.self,
        ]
    )
}
