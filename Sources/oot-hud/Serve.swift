import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OOTIngest

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the ingest endpoint POST /api/oot/results.",
        discussion: "The relay token comes from OOT_RELAY_TOKEN or --token-file (one token per line; several allow rotation). With no token the server refuses to start.")

    @Option(help: "SQLite database (created when missing).") var db: String
    @Option(help: "Address to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port.") var port: Int = 8080
    @Option(name: .customLong("token-file"), help: "File with accepted relay tokens, one per line.") var tokenFile: String?

    func run() async throws {
        var candidates = [ProcessInfo.processInfo.environment["OOT_RELAY_TOKEN"] ?? ""]
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read --token-file \(tokenFile)")
            }
            candidates += RelayTokens.lines(in: text)
        }
        let tokens = RelayTokens(candidates)
        guard !tokens.isEmpty else {
            throw ValidationError("no relay token configured: set OOT_RELAY_TOKEN or pass --token-file")
        }
        var logger = Logger(label: "oot-hud.ingest")
        logger.logLevel = .info
        let store = try IngestStore(path: db)
        let app = buildApplication(
            store: store, configuration: IngestConfiguration(host: host, port: port, tokens: tokens), logger: logger)
        try await app.runService()
    }
}
