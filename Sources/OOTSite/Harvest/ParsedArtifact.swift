import Foundation
import OOTCore
import OOTJUnit

/// One job's artifact, parsed and ready to write: what ``ReportWriter`` stores for the job.
///
/// Parsing (libxml2 and the counting rules) needs no database, so the harvest does it in the
/// tasks that fetch and unpack the artifact, on another core than the one writing rows.
struct ParsedArtifact: Sendable {
    /// The job and its artifact URL.
    let job: Harvester.Pending
    /// The HTTP `Content-Type`, when downloaded.
    let contentType: String?
    /// Whether an HTTP(S) download succeeded (counted in ``HarvestSummary/fetched``).
    let remote: Bool
    /// The worst state over the files, and their errors.
    var outcome = HarvestOutcome()
    /// How many report files were read.
    var files = 0
    /// Every testcase, in document order across the files (the ordinal is the index + 1).
    var testcases: [JUnitTestCase] = []
    /// The counts over ``testcases`` (docs/junit.md).
    var counts = JUnitSummary()

    /// Parses the files of `materialized` (if any).
    ///
    /// - Parameters:
    ///   - materialized: The job's located or unpacked report files, or why there are none.
    ///   - limits: The parser's limits per file.
    init(_ materialized: Harvester.Materialized, limits: JUnitParser.Limits) {
        job = materialized.job
        contentType = materialized.contentType
        remote = materialized.remote
        var found: [ReportFile] = []
        switch materialized.files {
        case .success(let files): found = files
        case .failure(let error):
            outcome.state = HarvestOutcome.State(rawValue: error.state) ?? .unavailable
            outcome.errors.append(error.message)
        }
        files = found.count
        var tally = JUnitTally()
        var cases: [JUnitTestCase] = []
        for file in found {
            let report = JUnitParser.parse(file: file.path, limits: limits) { testcase in
                tally.add(testcase)
                cases.append(testcase)
            }
            outcome.add(report, file: found.count > 1 ? file.name : nil)
        }
        testcases = cases
        counts = tally.finished
    }
}
