import Foundation
import OOTCore
import OOTJUnit

/// The harvest stage: reads the JUnit XML of completed jobs into `junit_reports` and
/// `junit_testcases` (docs/junit.md "Where reports come from").
///
/// A bad or unreachable artifact never stops the build: its state and error are recorded and
/// shown on the job page. Temporary files live in a work directory removed at the end.
public struct Harvester {
    let options: HarvestOptions

    /// Creates a harvester.
    public init(options: HarvestOptions) {
        self.options = options
    }

    /// A job whose artifact needs reading.
    struct Pending: Sendable {
        let key: String
        let url: String
        let attempts: Int64
    }

    /// Materialized report files of one job, or why there are none.
    struct Materialized: Sendable {
        let job: Pending
        let files: Result<[ReportFile], ArtifactError>
        let contentType: String?
        /// Whether an HTTP(S) download succeeded (counted in ``HarvestSummary/fetched``).
        let remote: Bool
    }

    /// Harvests every job that needs it: completed jobs the fold changed since the last published
    /// build (`site_pending`) whose artifact is new or moved, and fetch errors due for a retry.
    ///
    /// The cost follows what changed, not the size of the history.
    ///
    /// - Parameters:
    ///   - db: The writable database (after the fold).
    ///   - progress: Reports jobs harvested out of those pending.
    /// - Returns: Counts of what was done.
    /// - Throws: ``SQLiteError``.
    public func run(_ db: SQLiteDatabase, progress: BuildProgress = BuildProgress(enabled: false)) async throws
        -> HarvestSummary
    {
        var summary = HarvestSummary()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("oot-hud-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let writer = try ReportWriter(db: db)
        // Rows of a failed harvest are not kept; the ones committed before stay (each job's rows
        // commit with its report).
        defer { writer.rollback() }
        let unpacker = ArtifactUnpacker(workDirectory: work, maxUncompressedBytes: options.maxUncompressedBytes)

        // 1. The drop folder.
        if let root = options.dropFolder {
            for entry in try DropFolder(root: root).entries() {
                let jobs = try db.query(
                    """
                    SELECT j.dynamoKey FROM oot_workflow_job j LEFT JOIN junit_reports r ON r.dynamoKey = j.dynamoKey
                    WHERE j.downstream_repo = ? AND j.check_run_id = ? AND j.status = 'completed'
                      AND (r.dynamoKey IS NULL OR r.artifact_url != ?)
                    """, [.text(entry.repo), .text(entry.checkRunID), .text(entry.marker)])
                for row in jobs {
                    guard let key = row.first?.text else { continue }
                    let job = Pending(key: key, url: entry.marker, attempts: 0)
                    let files = unpacker.reportFiles(at: entry.path, contentType: nil)
                    let materialized = Materialized(job: job, files: files, contentType: nil, remote: false)
                    try record(ParsedArtifact(materialized, limits: options.limits), writer, &summary)
                    summary.dropped += 1
                }
            }
        }

        // 2. artifact_url: fetched, unpacked and parsed by up to `concurrency` tasks ahead of the
        // writer, which records them in order, jobs grouped into transactions (ReportWriter).
        // CROSS JOIN keeps the small tables (pending jobs, reports) as the outer loops: without
        // statistics SQLite would rather scan the million-row job table in rowid order.
        let pending = try db.query(
            """
            SELECT j.dynamoKey, j.artifact_url, coalesce(r.attempts, 0), j.rowid FROM site_pending p
            CROSS JOIN oot_workflow_job j ON j.dynamoKey = p.dynamoKey
            LEFT JOIN junit_reports r ON r.dynamoKey = j.dynamoKey
            WHERE j.status = 'completed' AND j.artifact_url != ''
              AND (r.dynamoKey IS NULL
                   OR (r.artifact_url != j.artifact_url AND r.artifact_url NOT LIKE 'drop:%')
                   OR (r.state = 'fetch_error' AND r.artifact_url = j.artifact_url AND r.attempts < ?1))
            UNION
            SELECT j.dynamoKey, j.artifact_url, r.attempts, j.rowid FROM junit_reports r
            CROSS JOIN oot_workflow_job j ON j.dynamoKey = r.dynamoKey
            WHERE r.state = 'fetch_error' AND r.artifact_url = j.artifact_url AND r.attempts < ?1
            ORDER BY 4
            """, [.integer(Int64(options.maxAttempts))]
        ).compactMap { row -> Pending? in
            guard let key = row[0].text, let url = row[1].text else { return nil }
            return Pending(key: key, url: url, attempts: row[2].integer ?? 0)
        }
        guard !pending.isEmpty else {
            try writer.commit()
            return summary
        }
        progress.start("harvest", total: pending.count)
        defer { progress.finish() }
        let locator = ArtifactLocator(roots: options.artifactRoots)
        let fetcher = RemoteFetcher(policy: options.remote)
        defer { Task { await fetcher.shutdown() } }
        let options = self.options
        try await withThrowingTaskGroup(of: (Int, ParsedArtifact).self) { group in
            var launched = 0
            func launch() {
                let n = launched
                let job = pending[n]
                let directory = work.appendingPathComponent("job-\(n)")
                group.addTask {
                    let materialized = await Self.materialize(
                        job, locator: locator, fetcher: fetcher, directory: directory, options: options)
                    let parsed = ParsedArtifact(materialized, limits: options.limits)
                    try? FileManager.default.removeItem(at: directory)
                    return (n, parsed)
                }
                launched += 1
            }
            while launched < min(max(1, options.concurrency), pending.count) { launch() }
            // Results arrive in any order; they are written in the order of `pending`.
            var ready: [Int: ParsedArtifact] = [:]
            var written = 0
            while written < pending.count, let (n, parsed) = try await group.next() {
                ready[n] = parsed
                while let next = ready.removeValue(forKey: written) {
                    try record(next, writer, &summary)
                    if next.remote { summary.fetched += 1 }
                    written += 1
                    progress.advance()
                    if launched < pending.count { launch() }
                }
            }
        }
        try writer.commit()
        await fetcher.shutdown()
        return summary
    }

    /// Locates, downloads and unpacks one job's artifact into its own work directory.
    static func materialize(
        _ job: Pending, locator: ArtifactLocator, fetcher: RemoteFetcher, directory: URL, options: HarvestOptions
    ) async -> Materialized {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return Materialized(
                job: job, files: .failure(.retryable("cannot create \(directory.path): \(error.localizedDescription)")),
                contentType: nil, remote: false)
        }
        let unpacker = ArtifactUnpacker(workDirectory: directory, maxUncompressedBytes: options.maxUncompressedBytes)
        switch locator.locate(job.url) {
        case .unavailable(let reason):
            return Materialized(job: job, files: .failure(.refused(reason)), contentType: nil, remote: false)
        case .local(let path):
            return Materialized(
                job: job, files: unpacker.reportFiles(at: path, contentType: nil), contentType: nil, remote: false)
        case .remote(let text):
            guard let url = URL(string: text) else {
                return Materialized(
                    job: job, files: .failure(.refused("malformed artifact URL")), contentType: nil, remote: false)
            }
            switch await fetcher.fetch(url, into: directory) {
            case .failure(let error):
                return Materialized(job: job, files: .failure(error), contentType: nil, remote: false)
            case .success(let download):
                // An HTML index of a folder URL: fetch the *.xml files it links to.
                if ArtifactUnpacker.kind(of: download.file.path) == .html, download.finalURL.hasDirectoryPath {
                    let html: String
                    do {
                        html = try String(contentsOf: download.file, encoding: .utf8)
                    } catch {
                        return Materialized(
                            job: job, files: .failure(.notJUnit("the artifact folder's index is not UTF-8 text")),
                            contentType: download.contentType, remote: true)
                    }
                    let links = DirectoryListing.xmlLinks(in: html, base: download.finalURL)
                    guard !links.isEmpty else {
                        return Materialized(
                            job: job, files: .failure(.notJUnit("the artifact folder's index links no *.xml file")),
                            contentType: download.contentType, remote: true)
                    }
                    var files: [ReportFile] = []
                    for link in links {
                        switch await fetcher.fetch(link, into: directory) {
                        case .success(let file):
                            files.append(ReportFile(path: file.file.path, name: link.lastPathComponent))
                        case .failure(let error):
                            return Materialized(
                                job: job, files: .failure(error), contentType: download.contentType, remote: true)
                        }
                    }
                    return Materialized(
                        job: job, files: .success(files), contentType: download.contentType, remote: true)
                }
                return Materialized(
                    job: job, files: unpacker.reportFiles(at: download.file.path, contentType: download.contentType),
                    contentType: download.contentType, remote: true)
            }
        }
    }

    private func record(_ parsed: ParsedArtifact, _ writer: ReportWriter, _ summary: inout HarvestSummary) throws {
        let state = try writer.write(parsed)
        summary.harvested += 1
        summary.testcases += state.testcases
        if state.state != "ok" { summary.problems += 1 }
    }
}
