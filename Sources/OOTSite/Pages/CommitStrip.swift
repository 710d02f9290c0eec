/// A scheduled view's strips (issue 16, like TestGrid's summary row): per job, its outcome at each
/// of the last ``commits`` upstream commits the backend ran on, oldest on the left, newest on the
/// right (as the per-test history strip), each cell the matrix's glyph, tooltip and link; a
/// commit the job did not run at is an empty cell.
struct CommitStrip: Sendable, Encodable {
    /// One job's strip.
    struct Job: Sendable, Encodable {
        /// The job name and `workflow / job`.
        let job: String
        let title: String
        let cells: [JobMatrix.Cell]
        /// Runs that passed, of the commits it ran at, in words (`27/30 passed`).
        let passed: String
    }

    /// Commits per strip.
    static let commits = 30

    let jobs: [Job]
    /// How many commits the strips cover (at most ``commits``).
    let span: Int
    let hasJobs: Bool

    /// The strips of `matrix` (rows newest first, as the scheduled view shows them).
    init(matrix: JobMatrix) {
        let rows = Array(matrix.rows.prefix(Self.commits).reversed())
        span = rows.count
        jobs = matrix.columns.enumerated().map { index, column in
            let cells = rows.map { row in
                let cell = row.cells[index]
                return JobMatrix.Cell(
                    glyph: cell.glyph, cssClass: cell.cssClass,
                    tooltip: cell.tooltip.map { "\(row.sha) · \(row.timeAbsolute)\n\($0)" }, href: cell.href,
                    log: cell.log)
            }
            let ran = cells.filter { !$0.glyph.isEmpty }
            return Job(
                job: column.job, title: column.title, cells: cells,
                passed: "\(ran.filter { $0.glyph == "O" }.count)/\(ran.count) passed")
        }
        hasJobs = !jobs.isEmpty
    }
}
