import ArgumentParser
import Foundation
import OOTJUnit

struct JUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junit",
        abstract:
            "Parse JUnit XML reports and print one JSON object per file (for debugging a report, and for scripts).",
        discussion: """
            Fields: file, state (ok | parse_error | not_junit | rejected), tests, passed, failures, errors, skipped, \
            flaky, total_time_seconds (null when no testcase had a usable time), error (null when ok), warnings. \
            tests counts executions; passed + failures + errors + skipped == tests. Exits 1 when a file is not ok.
            """)

    @Argument(help: "JUnit XML files, or directories (their *.xml files are read).") var files: [String]

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func quoted(_ text: String?) throws -> String {
            guard let text else { return "null" }
            return String(decoding: try encoder.encode(text), as: UTF8.self)
        }
        var allOK = true
        var paths: [String] = []
        for file in files {
            guard ReportDirectory.isDirectory(file) else {
                paths.append(file)
                continue
            }
            let inside = try ReportDirectory.reports(in: file)
            if inside.isEmpty {
                FileHandle.standardError.write(Data("oot-hud junit: \(file) is a directory with no *.xml file\n".utf8))
                allOK = false
            }
            paths += inside
        }
        for file in paths {
            let report = JUnitParser.summarize(file: file)
            let s = report.summary
            // Fields in a fixed order, so the output reads the same every time.
            let time = s.totalTimeSeconds.map { "\($0)" } ?? "null"
            let warnings = try report.warnings.map(quoted).joined(separator: ",")
            print(
                "{\"file\":\(try quoted(file)),\"state\":\"\(report.state.rawValue)\",\"tests\":\(s.tests),"
                    + "\"passed\":\(s.passed),\"failures\":\(s.failures),\"errors\":\(s.errors),\"skipped\":\(s.skipped),"
                    + "\"flaky\":\(s.flaky),\"total_time_seconds\":\(time),\"error\":\(try quoted(report.error)),"
                    + "\"warnings\":[\(warnings)]}")
            allOK = allOK && report.state == .ok
        }
        if !allOK { throw ExitCode(1) }
    }
}
