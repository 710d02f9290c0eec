import Foundation
import OOTCore
import Testing

@testable import OOTSite

/// Issue 16's pictures: the numbers behind every chart equal a plain computation over the jobs
/// table of the demo's database, the readiness card judges the same figures, and the drawings
/// follow their numbers.
@Suite struct TrendTests {
    /// A completed PR job as the charts count it (every attempt).
    struct PlainJob {
        let repo: String
        let day: String
        let conclusion: String?
        let queue: Double?
        let duration: Double?
        let start: String
    }

    /// Every completed PR job of the database, read with plain SQL (no rollup, no saved query).
    static func plainJobs(_ site: DemoSite) throws -> [PlainJob] {
        let db = try SQLiteDatabase(path: site.databasePath, mode: .readOnly)
        return try db.query(
            """
            SELECT downstream_repo, coalesce(started_at, completed_at), conclusion, queue_time,
                   (julianday(completed_at) - julianday(started_at)) * 86400.0
            FROM oot_workflow_job WHERE status = 'completed' AND pr_number > 0
            """
        ).map {
            PlainJob(
                repo: $0[0].text!, day: String($0[1].text!.prefix(10)), conclusion: $0[2].text, queue: $0[3].double,
                duration: $0[4].double, start: $0[1].text!)
        }
    }

    /// The nearest-rank median: the ⌈n/2⌉-th smallest.
    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.sorted()[(values.count + 1) / 2 - 1]
    }

    static func json(_ site: DemoSite, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.output.appendingPathComponent(path))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test func everyTrendPanelEqualsPlainSQLOverTheJobs() async throws {
        let site = try await DemoSite.shared()
        let jobs = try Self.plainJobs(site)
        var checkedDays = 0
        for repo in Set(jobs.map(\.repo)).sorted() {
            let page = try Self.json(site, "oot/\(repo)/index.json")
            let series = (page["trend"] as! [String: Any])["series"] as! [[String: Any]]
            #expect(series.count == 30)
            #expect(series.last?["day"] as? String == "2026-11-28", "the panel ends with the build's day")
            for day in series {
                let date = day["day"] as! String
                let mine = jobs.filter { $0.repo == repo && $0.day == date }
                let successes = mine.filter { $0.conclusion == "success" }.count
                #expect((day["total"] as! Int) == mine.count, "\(repo) \(date)")
                #expect((day["successes"] as! Int) == successes, "\(repo) \(date)")
                #expect((day["failures"] as! Int) == mine.filter { $0.conclusion == "failure" }.count)
                #expect((day["timedOut"] as! Int) == mine.filter { $0.conclusion == "timed_out" }.count)
                if mine.isEmpty {
                    #expect(day["passRate"] == nil, "a day without jobs is a gap, not 0 %")
                    continue
                }
                checkedDays += 1
                let rate = day["passRate"] as! Double
                #expect(abs(rate - Double(successes) / Double(mine.count)) < 1e-9, "\(repo) \(date)")
                let queue = Self.median(mine.compactMap(\.queue))
                let duration = Self.median(mine.compactMap(\.duration))
                #expect(
                    abs((day["queueP50Seconds"] as? Double ?? -1) - (queue ?? -1)) < 0.001, "\(repo) \(date) queue")
                #expect(
                    abs((day["durationP50Seconds"] as? Double ?? -1) - (duration ?? -1)) < 0.001,
                    "\(repo) \(date) duration")
            }
            // The trends page draws the same numbers.
            let trends = try Self.json(site, "oot/\(repo)/trends/index.json")
            let same = (trends["trend"] as! [String: Any])["series"] as! [[String: Any]]
            #expect(NSArray(array: same).isEqual(to: series))
        }
        #expect(checkedDays > 40, "the samples hold weeks of history on three backends")
    }

    @Test func summarySparklinesEqualPlainSQL() async throws {
        let site = try await DemoSite.shared()
        let jobs = try Self.plainJobs(site)
        let summary = try Self.json(site, "oot/index.json")
        var drawn = 0
        for section in summary["sections"] as! [[String: Any]] {
            for row in section["rows"] as! [[String: Any]] {
                let repo = row["repo"] as! String
                guard let spark = row["sparkline"] as? [String: Any] else {
                    #expect(!jobs.contains { $0.repo == repo && $0.day >= "2026-11-15" }, "\(repo)")
                    continue
                }
                let series = spark["series"] as! [[String: Any]]
                #expect(series.map { $0["day"] as! String }.first == "2026-11-15")
                #expect(series.count == 14)
                for day in series {
                    let mine = jobs.filter { $0.repo == repo && $0.day == day["day"] as! String }
                    #expect((day["total"] as! Int) == mine.count)
                    #expect((day["successes"] as! Int) == mine.filter { $0.conclusion == "success" }.count)
                }
                drawn += 1
            }
        }
        #expect(drawn == 4)
    }

    @Test func readinessFiguresEqualPlainSQL() async throws {
        let site = try await DemoSite.shared()
        let jobs = try Self.plainJobs(site)
        // The 7 days before the snapshot (DemoSite.asOf, 2026-11-28T09:02:25Z).
        let since = "2026-11-21T09:02:25"
        for repo in ["acme-silicon/torch-npu", "openxpu/pytorch-xpu", "riscv-ai/torch-rvv"] {
            let window = jobs.filter { $0.repo == repo && $0.start > since }
            let readiness = try Self.json(site, "oot/\(repo)/index.json")["readiness"] as! [String: Any]
            let criteria = readiness["criteria"] as! [[String: Any]]
            let passRate = Double(window.filter { $0.conclusion == "success" }.count) / Double(window.count)
            let timeoutRate = Double(window.filter { $0.conclusion == "timed_out" }.count) / Double(window.count)
            #expect(criteria[0]["value"] as? String == Format.percent(passRate), "\(repo)")
            #expect(criteria[1]["value"] as? String == Format.percent(timeoutRate), "\(repo)")
            #expect((criteria[0]["met"] as? Bool) == (passRate >= 0.90))
            #expect((criteria[1]["met"] as? Bool) == (timeoutRate < 0.10))
        }
        // NPU (L4, 80 % over the week) and XPU (L3, a timed-out job) would be downgraded; RVV (L2) is not
        // ready for L3; HXA (L4, all green) meets the bar.
        let summary = try Self.json(site, "oot/index.json")
        var verdicts: [String: String] = [:]
        for section in summary["sections"] as! [[String: Any]] {
            for row in section["rows"] as! [[String: Any]] {
                verdicts[row["repo"] as! String] =
                    (row["readiness"] as! [String: Any])["verdictText"] as? String
            }
        }
        #expect(verdicts["acme-silicon/torch-npu"] == "would be downgraded")
        #expect(verdicts["openxpu/pytorch-xpu"] == "would be downgraded")
        #expect(verdicts["riscv-ai/torch-rvv"] == "not ready for L3")
        #expect(verdicts["hexa-compute/torch-hxa"] == "meets L3")
        #expect(verdicts["quiet-labs/torch-quiet"] == "no data")
        let npu = try site.page("oot/acme-silicon/torch-npu/index.html")
        #expect(npu.contains("Would be downgraded: below L3"))
        #expect(!(try site.page("oot/hexa-compute/torch-hxa/index.html")).contains("Would be downgraded"))
    }

    /// The summary and each backend page judge a backend's readiness alike: the same card.
    @Test func theSummaryAndEachBackendPageJudgeAlike() async throws {
        let site = try await DemoSite.shared()
        let summary = try Self.json(site, "oot/index.json")
        var compared = 0
        for section in summary["sections"] as! [[String: Any]] {
            for row in section["rows"] as! [[String: Any]] {
                let repo = row["repo"] as! String
                let page = try Self.json(site, "oot/\(repo)/index.json")
                let fromSummary = row["readiness"] as! [String: Any]
                let fromPage = page["readiness"] as! [String: Any]
                let a = try JSONSerialization.data(withJSONObject: fromSummary, options: .sortedKeys)
                let b = try JSONSerialization.data(withJSONObject: fromPage, options: .sortedKeys)
                #expect(a == b, "\(repo)")
                compared += 1
            }
        }
        #expect(compared == 5)
    }

    @Test func chartsCarryTitlesAxesAndDayLinksThatResolve() async throws {
        let site = try await DemoSite.shared()
        let page = try site.page("oot/acme-silicon/torch-npu/index.html")
        #expect(page.occurrences(of: "<svg class=\"chart-svg\"") == 4)
        #expect(page.occurrences(of: "<desc id=") == 4)
        #expect(page.contains("<title id=\"pass-rate-t\">PR pass rate</title>"))
        #expect(page.contains(">100%</text>") && page.contains(">Oct 30</text>") && page.contains(">Nov 28</text>"))
        let trends = try site.page("oot/acme-silicon/torch-npu/trends/index.html")
        for day in ["2026-11-28", "2026-11-16", "2026-11-01"] {
            #expect(page.contains("href=\"trends/index.html#d-\(day)\""), "\(day)")
            #expect(trends.contains("<tr id=\"d-\(day)\">"), "\(day)")
        }
        #expect(!page.contains("#d-2026-11-24"), "a day without jobs links nowhere")
        let summary = try site.page("oot/index.html")
        #expect(summary.occurrences(of: "<svg class=\"spark\"") == 4)
        let trunk = try site.page("oot/acme-silicon/torch-npu/trunk/index.html")
        #expect(trunk.contains("Last 5 commits per job"))
        #expect(
            trunk.contains("1/5 passed"), "test-npu-float32 passed at push 1, failed at pushes 2-4, runs at push 5")
    }

    @Test func drawingFollowsTheNumbers() {
        let days = (1...5).map { "2026-11-0\($0)" }
        let chart = TrendChart(
            id: "t", title: "T", days: days, values: [1, nil, 0.5, 0.75, nil], scale: .rate, bars: false,
            tooltip: { days[$0] }, href: { _ in nil })
        #expect(chart.lines.count == 1, "the gap on day 2 breaks the line; day 1 alone is a dot")
        #expect(chart.marks.count == 3)
        #expect(chart.marks[0].y == TrendChart.plotTop, "100 % is the top of the plot")
        #expect(chart.marks[1].y == (TrendChart.plotTop + TrendChart.plotBottom) / 2, "50 % is halfway")
        #expect(chart.xTicks.map(\.label) == ["Nov 1", "Nov 3", "Nov 5"])
        #expect(chart.xTicks.map(\.anchor) == ["start", "middle", "end"])
        #expect(chart.latest == "–", "the last day had no jobs")
        #expect(
            chart.desc.hasSuffix("(days without jobs left out): 2026-11-01 100.0%; 2026-11-03 50.0%; 2026-11-04 75.0%.")
        )
        #expect(TrendChart.axisTop([13], scale: .count) == 20)
        #expect(TrendChart.axisTop([0], scale: .count) == 1)
        #expect(TrendChart.axisTop([1543], scale: .seconds) == 1800)
        #expect(TrendChart.axisTop([90_000], scale: .seconds) == 172_800)
        #expect(
            [0, 150, 300, 5400, 10_800].map { TrendChart.label($0, scale: .seconds, axis: true) }
                == ["0", "2m 30s", "5m", "90m", "3h"], "half of a 5-minute axis is not \"3m\"")
        let bars = TrendChart(
            id: "b", title: "B", days: days, values: [2, 0, 1, 20, 13], scale: .count, bars: true,
            tooltip: { days[$0] }, href: { "#d-" + days[$0] })
        #expect(bars.marks.map(\.height) == [11, 0, 5, 106, 69], "of a 106-unit plot, 20 jobs at the top")
        #expect(bars.step == 54 && bars.marks.map(\.hitX) == [42, 96, 150, 204, 258])
        #expect(bars.marks.allSatisfy { $0.href != nil })
    }

    /// The readiness rules at their thresholds (pytorch/rfcs#102's L3 bar, configurable).
    @Test func readinessVerdictsAtTheThresholds() {
        func row(_ total: Int64, _ successes: Int64, _ timedOut: Int64, queue: Double?, run: Double?)
            -> OotBackendReadinessRow
        {
            OotBackendReadinessRow(
                totalJobs: total, successes: successes, timedOut: timedOut, queuedJobs: queue == nil ? 0 : total,
                queueP50S: queue, prHeads: run == nil ? 0 : 1, runP50S: run)
        }
        let bar = ReadinessThresholds()
        // Exactly 90 % passes; exactly 10 % timed out misses; a median at the limit misses.
        #expect(
            LevelReadiness(level: "L2", row: row(10, 9, 0, queue: 60, run: 3600), thresholds: bar).verdict == .ready)
        #expect(
            LevelReadiness(level: "L2", row: row(10, 9, 1, queue: 60, run: 3600), thresholds: bar).verdict == .notReady)
        #expect(
            LevelReadiness(level: "L3", row: row(10, 10, 0, queue: 1800, run: 60), thresholds: bar).verdict
                == .wouldBeDowngraded)
        #expect(
            LevelReadiness(level: "L4", row: row(10, 10, 0, queue: 60, run: 10_800), thresholds: bar).verdict
                == .wouldBeDowngraded)
        // An L2 backend with no queue data is not ready (nothing proves it); an L3 one is not
        // downgraded for it.
        #expect(
            LevelReadiness(level: "L2", row: row(10, 10, 0, queue: nil, run: 60), thresholds: bar).verdict == .notReady)
        #expect(
            LevelReadiness(level: "L3", row: row(10, 10, 0, queue: nil, run: 60), thresholds: bar).verdict == .meets)
        #expect(
            LevelReadiness(level: "L3", row: row(0, 0, 0, queue: nil, run: nil), thresholds: bar).verdict == .unknown)
        let l1 = LevelReadiness(level: "L1", row: nil, thresholds: bar)
        #expect(l1.verdict == .unknown && l1.criteria.isEmpty)
        // The colours: green only at 100 %, orange from the bar, red below; timeouts green at 0.
        let card = LevelReadiness(level: "L3", row: row(20, 19, 1, queue: 60, run: 60), thresholds: bar)
        #expect(card.criteria.map(\.cssClass) == ["warn", "warn", "good", "good"])
        #expect(card.verdict == .meets)
        // Configurable: a stricter pass rate turns the same figures into a downgrade warning.
        let strict = LevelReadiness(
            level: "L3", row: row(20, 19, 1, queue: 60, run: 60), thresholds: ReadinessThresholds(passRate: 0.99))
        #expect(
            strict.downgradeWarning
                == "Would be downgraded: below L3's bar over the last 7 days (pass rate 95.0%, needs ≥ 99.0%).")
    }
}
