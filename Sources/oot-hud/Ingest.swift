import ArgumentParser
import Foundation
import OOTCore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Append relay callbacks from .json / .ndjson files (or - for stdin) to the database.",
        discussion:
            "Each body gets the endpoint's rules. One that cannot be stored is reported as file:line: reason and the good ones still go in; an optional field of the wrong shape is dropped and reported as file:line: warning: field: reason. Exits 1 when any body was refused."
    )

    @Option(help: "SQLite database (created when missing).") var db: String
    @Argument(help: "Files: .json holds one body, .ndjson one body per line; - reads NDJSON from stdin.")
    var files: [String]

    func run() throws {
        let receivedAt = UTCTimestamp.now
        var entries: [CallbackLog.Entry] = []
        var rejections: [String] = []
        var warnings: [String] = []
        for file in files {
            let batch: CallbackFiles.Batch
            if file == "-" {
                batch = CallbackFiles.read(
                    FileHandle.standardInput.readDataToEndOfFile(), name: "<stdin>", ndjson: true,
                    receivedAt: receivedAt)
            } else {
                do {
                    batch = try CallbackFiles.read(path: file, receivedAt: receivedAt)
                } catch {
                    rejections.append(error.description)
                    continue
                }
            }
            entries += batch.entries
            rejections += batch.rejections.map(\.description)
            warnings += batch.warnings.map(\.description)
        }
        let log = try CallbackLog(database: OOTDatabase.openForWriting(path: db))
        try log.append(entries)
        for warning in warnings {
            FileHandle.standardError.write(Data("\(warning)\n".utf8))
        }
        for rejection in rejections {
            FileHandle.standardError.write(Data("rejected \(rejection)\n".utf8))
        }
        print(
            "appended \(entries.count) callbacks to \(db); rejected \(rejections.count)"
                + (warnings.isEmpty ? "" : "; \(warnings.count) fields dropped with a warning"))
        if !rejections.isEmpty { throw ExitCode(1) }
    }
}
