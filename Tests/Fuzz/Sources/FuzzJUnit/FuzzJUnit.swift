import Foundation
import OOTJUnit

// libFuzzer harness: JUnit XML through the libxml2 SAX2 streaming parser and the counting rules
// (docs/junit.md). See docs/fuzzing.md.
//
// Invariants checked (a violation traps, which libFuzzer reports as a crash):
// - the summary is derived from the testcases: `tests == testcases.count`, and the outcome counts
//   add up and match the testcases' outcomes; `flaky <= tests`;
// - a report is `ok` exactly when it carries no error;
// - the three entry points agree: `parse(bytes:)` (in memory), `parse(file:visit:)` (streaming
//   visitor, same testcases in the same order) and `summarize(file:)` (no per-testcase strings,
//   what `oot-hud junit` prints: same state, error, warnings and summary).

/// The file each input is written to for the file-based entry points, in `$TMPDIR`
/// (scripts/fuzz.sh points it into .build-fuzz/ and empties it before each run).
private let scratchPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("oot-fuzz-junit-\(getpid()).xml")

/// Stops the fuzzer with `message` when `condition` is false.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

/// libFuzzer's entry point: runs one input.
///
/// - Parameters:
///   - start: The input bytes (a candidate JUnit XML report).
///   - count: Their number.
/// - Returns: 0 (the input is always kept for coverage).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let report = JUnitParser.parse(bytes: bytes)

    let s = report.summary
    require(s.tests == report.testcases.count, "tests \(s.tests) but \(report.testcases.count) testcases")
    require(s.passed + s.failures + s.errors + s.skipped == s.tests, "outcome counts do not add up: \(s)")
    require(s.passed == report.testcases.count { $0.outcome == .passed }, "passed \(s.passed) disagrees")
    require(s.failures == report.testcases.count { $0.outcome == .failure }, "failures \(s.failures) disagrees")
    require(s.errors == report.testcases.count { $0.outcome == .error }, "errors \(s.errors) disagrees")
    require(s.skipped == report.testcases.count { $0.outcome == .skipped }, "skipped \(s.skipped) disagrees")
    require(s.flaky <= s.tests, "more flaky identities (\(s.flaky)) than executions (\(s.tests))")
    require((report.state == .ok) == (report.error == nil), "state \(report.state) with error \(report.error ?? "nil")")

    guard FileManager.default.createFile(atPath: scratchPath, contents: Data(bytes)) else {
        fatalError("cannot write \(scratchPath)")
    }
    var visited: [JUnitTestCase] = []
    var streamed = JUnitParser.parse(file: scratchPath) { visited.append($0) }
    require(visited == report.testcases, "parse(file:visit:) visited other testcases than parse(bytes:)")
    streamed.testcases = report.testcases
    require(streamed == report, "parse(file:visit:) and parse(bytes:) disagree: \(streamed) vs \(report)")

    var summarized = JUnitParser.summarize(file: scratchPath)
    summarized.testcases = report.testcases
    require(
        summarized == report,
        "summarize(file:) and parse(bytes:) disagree:\n  \(summarized.state) \(summarized.summary) "
            + "\(summarized.error ?? "") \(summarized.warnings)\n  \(report.state) \(report.summary) "
            + "\(report.error ?? "") \(report.warnings)")
    return 0
}
