import Foundation
import OOTTestSupport
import Testing

/// A report written by a real test tool, and that tool's own terminal output.
///
/// They are in `Tests/Fixtures/producers` (made by `scripts/make-producer-fixtures.sh`).
/// Expectations are read from the tool's output, never from our parser.
struct ProducerFixture {
    static let directory = Fixtures.root.appendingPathComponent("Tests/Fixtures/producers")

    /// `pytest/rerunfailures-16-plain` and the like.
    let name: String

    /// The report's path.
    var xml: String { Self.directory.appendingPathComponent(name + ".xml").path }

    /// The tool's terminal output as recorded beside the report.
    var output: String {
        get throws {
            try String(contentsOf: Self.directory.appendingPathComponent(name + ".summary.txt"), encoding: .utf8)
        }
    }

    /// The counts of pytest's closing line (`=== 1 failed, 5 passed, 1 skipped, 5 rerun in 0.09s ===`),
    /// by word: `failed`, `passed`, `skipped`, `xfailed`, `xpassed`, `error`/`errors`, `rerun`.
    func pytestCounts() throws -> [String: Int] {
        let line = try #require(try output.split(separator: "\n").last { $0.hasPrefix("=") && $0.contains(" in ") })
        var counts: [String: Int] = [:]
        for part in line.split(separator: ",") {
            let words = part.split(separator: " ").filter { !$0.allSatisfy { $0 == "=" } }
            if words.count >= 2, let n = Int(words[0]) { counts[String(words[1]), default: 0] += n }
        }
        return counts
    }

    /// pytest `-v` result words per test id, in order (`RERUN`, `PASSED`, `FAILED`, `XFAIL`, …):
    /// `path::test WORD [ n%]`, or with xdist `[gw0] [ n%] WORD path::test`.
    func pytestResults() throws -> [String: [String]] {
        let words: Set<Substring> = ["RERUN", "PASSED", "FAILED", "XFAIL", "XPASS", "SKIPPED", "ERROR"]
        var results: [String: [String]] = [:]
        for line in try output.split(separator: "\n") where line.contains("::") && !line.hasPrefix("FAILED ") {
            let parts = line.split(separator: " ")
            guard let id = parts.first(where: { $0.contains("::") }), let word = parts.first(where: words.contains)
            else { continue }
            results[String(id), default: []].append(String(word))
        }
        return results
    }

    /// The counts of a `|`-separated summary line, by label: `test cases: 5 | 2 passed | 1 failed |
    /// 2 failed as expected` gives `test cases: 5`, `passed: 2`, `failed: 2`… keyed by the words
    /// after each number (or before it, for the first).
    static func counts(in line: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for part in line.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let colon = part.firstIndex(of: ":"),
                let n = Int(part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            {
                counts[String(part[..<colon])] = n
            } else if let space = part.firstIndex(of: " "), let n = Int(part[..<space]) {
                counts[String(part[part.index(after: space)...])] = n
            }
        }
        return counts
    }

    /// The first line of the output that starts with `prefix`, trimmed.
    func line(startingWith prefix: String) throws -> String {
        try #require(
            try output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(prefix) })
    }

    /// The integer before `word` in `text` (`5` in `"5 tests failed"`).
    static func number(before word: String, in text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" }).map(String.init)
        guard let index = words.firstIndex(of: word), index > 0 else { return nil }
        return Int(words[index - 1])
    }
}
