import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// Faults met at startup: a database file that is not ours or is damaged, an output directory
/// the build cannot write.
///
/// Each is a clear error naming the file, with nothing overwritten.
@Suite struct FaultTests {
    enum Damage: String, CaseIterable {
        /// Plain text where the database should be.
        case text
        /// Another application's SQLite database.
        case foreign
        /// Our database with its first page (the schema) overwritten with garbage after the header.
        case malformed
    }

    /// A file at a fresh path damaged as `damage` says; returns its path and bytes.
    static func damagedDatabase(_ damage: Damage) throws -> (path: String, bytes: Data) {
        let (path, _) = try Fixtures.temporaryDatabase()
        switch damage {
        case .text:
            try Data("id,name\n1,not a database but long enough to look like a header\n".utf8)
                .write(to: URL(fileURLWithPath: path))
        case .foreign:
            try SQLiteDatabase(path: path).execute(
                "CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (7);")
        case .malformed:
            _ = try OOTDatabase.openForWriting(path: path)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.seek(toOffset: 100)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 3_996))
            try handle.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(arguments: Damage.allCases)
    func serveRefusesADamagedOrForeignDatabaseNamingItAndLeavesItAlone(_ damage: Damage) throws {
        let (path, before) = try Self.damagedDatabase(damage)
        let run = try CLITests.run(["serve", "--db", path, "--port", "0"], environment: ["OOT_RELAY_TOKEN": "t"])
        #expect(run.status != 0)
        #expect(run.stderr.contains(path), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not one byte changed")
    }

    @Test(arguments: Damage.allCases)
    func buildRefusesADamagedOrForeignDatabaseAndPublishesNothing(_ damage: Damage) throws {
        let (path, before) = try Self.damagedDatabase(damage)
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("site").path
        let run = try CLITests.run(["build", "--db", path, "--out", out, "--no-progress"])
        #expect(run.status != 0)
        #expect(run.stderr.contains(path), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
    }

    @Test func anUnwritableOutputDirectoryIsAClearErrorAndTheDatabaseKeepsItsCallbacks() throws {
        let (db, directory) = try Fixtures.temporaryDatabase()
        let callback = directory.appendingPathComponent("c.json").path
        try Fixtures.callback("spec-2.3-completed.json").write(to: URL(fileURLWithPath: callback))
        #expect(try CLITests.run(["ingest", "--db", db, callback]).status == 0)
        // A regular file where the output directory should be: unwritable even for root.
        let out = directory.appendingPathComponent("site").path
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: out))
        let run = try CLITests.run(["build", "--db", db, "--out", out, "--no-progress"])
        #expect(run.status != 0)
        #expect(
            run.stderr.contains("\(out): cannot create the output directory: a file is at that path"),
            "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"), "an error message, not a crash")
        // Once the directory is writable, the next build publishes the job: nothing was lost.
        try FileManager.default.removeItem(atPath: out)
        let again = try CLITests.run([
            "build", "--db", db, "--out", out, "--no-progress", "--now", "2026-06-01T12:00:00Z",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let current = URL(fileURLWithPath: out + "/current").resolvingSymlinksInPath().path
        let pages = FileManager.default.enumerator(atPath: current)?.allObjects as? [String] ?? []
        #expect(pages.contains { $0.hasSuffix("/job/27182818284/index.html") }, "\(pages.prefix(20))")
    }
}
