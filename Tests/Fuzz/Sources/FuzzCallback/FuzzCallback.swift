import Foundation
import OOTCore

// libFuzzer harness: a relay→HUD callback body (spec §2.2) through extraction, the callbacks log
// and the fold (spec §4.3), on one in-memory database shared across inputs so that mutated
// callbacks of the same job merge with earlier ones. See docs/fuzzing.md.
//
// Invariants checked (a violation traps, which libFuzzer reports as a crash):
// - extraction and `oot-hud ingest`'s NDJSON reader agree on a single-line body;
// - every accepted body is applied by the fold (nothing acknowledged is lost to a fold error),
//   and its row exists afterwards;
// - replaying the last accepted body changes nothing (docs/ingest.md, "replaying ... is a no-op");
// - no SQLite error on any accepted body.

/// The database the harness appends to, replaced every ``recycleEvery`` inputs to stay small.
private final class FoldState {
    /// Inputs folded into one database before it is replaced by a fresh one.
    static let recycleEvery = 2_000

    private(set) var db: SQLiteDatabase
    private(set) var log: CallbackLog
    private var inputs = 0

    init() {
        (db, log) = Self.open()
    }

    /// A fresh, migrated in-memory database and its log.
    private static func open() -> (SQLiteDatabase, CallbackLog) {
        do {
            let db = try OOTDatabase.openForWriting(path: ":memory:")
            return (db, try CallbackLog(database: db))
        } catch {
            fatalError("cannot open an in-memory database: \(error)")
        }
    }

    /// Counts one input, replacing the database when it has seen ``recycleEvery`` of them.
    func tick() {
        inputs += 1
        if inputs % Self.recycleEvery == 0 { (db, log) = Self.open() }
    }
}

nonisolated(unsafe) private let state = FoldState()

/// Stops the fuzzer with `message` when `condition` is false.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

/// Appends `entries` and folds them; returns what the fold did.
private func appendAndFold(_ entries: [CallbackLog.Entry]) -> FoldSummary {
    do {
        try state.log.append(entries)
        return try Fold.run(state.db)
    } catch {
        fatalError("SQLite error on accepted callbacks: \(error)")
    }
}

/// libFuzzer's entry point: runs one input.
///
/// - Parameters:
///   - start: The input bytes (a candidate request body).
///   - count: Their number.
/// - Returns: 0 (the input is always kept for coverage).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = Data(bytes: start, count: count)
    state.tick()
    let receivedAt = UTCTimestamp(seconds: 1_780_000_000)

    // The endpoint's path: one body.
    let direct = try? JobRecord.extract(fromBody: body)
    // `oot-hud ingest`'s path: NDJSON, one body per line.
    let batch = CallbackFiles.read(body, name: "fuzz.ndjson", ndjson: true, receivedAt: receivedAt)
    let singleLine =
        !body.contains(UInt8(ascii: "\n")) && !body.contains(UInt8(ascii: "\r"))
        && !body.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && body.count <= CallbackFiles.maxBodyBytes
    if singleLine {
        require(
            (direct != nil) == (batch.entries.count == 1),
            "extract(fromBody:) \(direct == nil ? "refused" : "accepted") a one-line body the NDJSON reader "
                + "\(batch.entries.isEmpty ? "refused: \(batch.rejections)" : "accepted")")
        if let direct, let entry = batch.entries.first {
            require(direct.dynamoKey == entry.record.dynamoKey, "the two paths extracted different dynamoKeys")
        }
    }
    guard !batch.entries.isEmpty else { return 0 }

    // Everything accepted is applied (or is a no-op replay), never a fold error.
    let summary = appendAndFold(batch.entries)
    require(summary.failed == 0, "the fold could not re-extract an accepted body (\(summary))")
    require(
        summary.applied + summary.unchanged == batch.entries.count,
        "\(batch.entries.count) callbacks appended, fold summary \(summary)")
    for entry in batch.entries {
        let rows = try? state.db.query(
            "SELECT count(*) FROM oot_workflow_job WHERE dynamoKey = ?", [.text(entry.record.dynamoKey)])
        require(rows?.first?.first == .integer(1), "no row for \(entry.record.dynamoKey) after the fold")
    }

    // Replaying the last callback is a no-op.
    let replay = appendAndFold([batch.entries[batch.entries.count - 1]])
    require(
        replay.applied == 0 && replay.unchanged == 1 && replay.failed == 0,
        "replaying the last callback changed something: \(replay)")
    return 0
}
