import ArgumentParser
import Foundation
import OOTCore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent, compacted copy of the database (SQLite VACUUM INTO).",
        discussion: "Safe while `serve` and `build` run: it reads one snapshot. The copy is a normal database file.")

    @Option(help: "SQLite database.") var db: String
    @Option(help: "The copy to write (must not exist).") var to: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: to) else {
            throw ValidationError("--to: \(to) exists; choose a new file name")
        }
        _ = try OOTDatabase.openForReading(path: db)  // checks it is an OOT HUD database of this version
        let source = try SQLiteDatabase(path: db, mode: .readOnly)
        do {
            try source.prepare("VACUUM INTO ?").run([.text(to)])
        } catch {
            try? FileManager.default.removeItem(atPath: to)  // never leave a partial copy behind
            throw error
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
        print("backed up \(db) to \(to) (\(size / 1024) KiB)")
    }
}
