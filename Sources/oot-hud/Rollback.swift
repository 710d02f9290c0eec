import ArgumentParser
import OOTSite

struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the previous build again: switch <out>/current back to <out>/previous.",
        discussion: """
            The switch is atomic. The next build renders everything, since the database moved on \\
            since that build; fix or revert what made you roll back before it runs.
            """)

    @Option(help: "The site output directory (the one given to `build --out`).") var out: String = "site"

    func run() throws {
        print(try SitePublisher(outputDirectory: out).rollback())
    }
}
