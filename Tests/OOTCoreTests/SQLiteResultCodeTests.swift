import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// Each named result code is the one SQLite really reports for its cause, read through
/// ``SQLiteError/primaryCode`` from the extended code.
@Suite struct SQLiteResultCodeTests {
    @Test func aDatabaseAtItsPageCapIsFull() throws {
        let db = try OOTDatabase.openForWriting(path: Fixtures.temporaryDatabase().path)
        let pages = try #require(try db.query("PRAGMA page_count").first?.first?.integer)
        try db.execute("PRAGMA max_page_count = \(pages)")
        let error = try #require(throws: SQLiteError.self) {
            try db.execute("CREATE TABLE filler (x TEXT); INSERT INTO filler VALUES (printf('%.*c', 100000, 'x'));")
        }
        #expect(error.primaryCode == .full, "\(error)")
        #expect(error.primaryCode.description == "SQLITE_FULL")
    }

    @Test func anUpdateOfTheAppendOnlyLogIsAConstraint() throws {
        let db = try OOTDatabase.openForWriting(path: Fixtures.temporaryDatabase().path)
        let body = try Fixtures.callback("spec-2.3-in_progress.json")
        try CallbackLog(database: db).append([
            CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
        ])
        let error = try #require(throws: SQLiteError.self) {
            try db.execute("UPDATE callbacks SET status = 'completed'")
        }
        #expect(error.primaryCode == .constraint, "\(error)")
    }

    @Test func aSecondWriterPastItsTimeoutIsBusy() throws {
        let path = try Fixtures.temporaryDatabase().path
        let holder = try OOTDatabase.openForWriting(path: path)
        try holder.execute("BEGIN IMMEDIATE")
        let other = try SQLiteDatabase(path: path, busyTimeout: 0)
        let error = try #require(throws: SQLiteError.self) { try other.execute("BEGIN IMMEDIATE") }
        #expect(error.primaryCode == .busy, "\(error)")
        try holder.execute("ROLLBACK")
    }

    @Test func aTextFileIsNotADatabase() throws {
        let path = try Fixtures.temporaryDatabase().path
        try Data(String(repeating: "not sqlite at all ", count: 10).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: SQLiteError.self) { _ = try SQLiteDatabase(path: path) }
        #expect(error.primaryCode == .notADatabase, "\(error)")
    }

    @Test func theExtendedBitsAreIgnoredAndAnUnnamedCodeSaysItsNumber() {
        let busyTimeout = SQLiteError(code: SQLiteResultCode.busy.rawValue | (3 << 8), message: "", path: "")
        #expect(busyTimeout.primaryCode == .busy)
        #expect(SQLiteResultCode(rawValue: 21).description == "SQLite result code 21")
    }
}
