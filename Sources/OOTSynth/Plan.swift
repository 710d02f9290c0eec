/// How a completed job ended (`workflow.conclusion`).
enum SynthConclusion: UInt8, Sendable {
    /// `success`.
    case success
    /// `failure`.
    case failure
    /// `cancelled`.
    case cancelled
    /// `timed_out` (written by the relay's sweeper).
    case timedOut

    /// The wire value.
    var text: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .cancelled: "cancelled"
        case .timedOut: "timed_out"
        }
    }
}

/// One pull request of the synthetic history.
struct SynthPR: Sendable {
    /// `pull_request.number`, increasing with time.
    let number: Int64
    /// `pull_request.title`.
    let title: String
    /// `pull_request.user.login`.
    let author: String
    /// `pull_request.head.ref`.
    let ref: String
    /// Label names.
    let labels: [String]
}

/// One push of a PR (a head SHA) or one nightly run: what every job dispatched for it shares.
struct SynthDispatch: Sendable {
    /// Index into ``SynthPlan/prs``, or `-1` for a nightly run.
    let pr: Int32
    /// When the relay dispatched it, microseconds since the epoch.
    let micros: Int64
    /// The upstream head SHA (40 hex digits).
    let sha: String
    /// `delivery_id` (a UUID; the SHA for nightly runs).
    let delivery: String
    /// The `payload` object as JSON bytes (the webhook payload, or `{repository, head_sha}`).
    let payload: [UInt8]
}

/// One planned job execution.
struct SynthJob: Sendable {
    /// Index into ``SynthPlan/backends``.
    var backend: Int32
    /// Index into the backend's ``SynthBackend/matrix``, or `-1` for its nightly job.
    var spec: Int32
    /// Index into ``SynthPlan/dispatches``.
    var dispatch: Int32
    /// `run_attempt`, from 1.
    var attempt: Int32
    /// How it ended (meaningless while ``running``).
    var conclusion: SynthConclusion
    /// `true` when it has no `completed` callback.
    var running: Bool
    /// `started_at` (the `in_progress` callback), microseconds since the epoch.
    var startMicros: Int64
    /// `completed_at`, microseconds since the epoch.
    var endMicros: Int64
    /// Relay-measured queue time, milliseconds (first attempts only; `-1` for none).
    var queueMillis: Int64
    /// `run_id` (shared by the attempts of a run).
    var runID: Int64
    /// `check_run_id` (unique per execution).
    var checkRunID: Int64
    /// The failed first attempt this job reruns, or `-1`.
    var rerunOf: Int32
    /// Index into ``SynthPlan/files``, or `-1` when the job has no JUnit file.
    var file: Int32
    /// This job's own randomness (test outcomes, report contents).
    var seed: UInt64
}

/// One JUnit file to write.
struct SynthFile: Sendable {
    /// Index into ``SynthPlan/jobs``.
    let job: Int32
    /// Big (pytest style, ≥ ``SynthOptions/bigJUnitBytes``) or small.
    let big: Bool
    /// Path relative to the artifacts directory: `<org>/<repo>/<YYYY-MM>/<check_run_id>.xml`.
    let path: String
}

/// One callback to append: job and kind, at its receive time.
struct SynthEvent: Sendable {
    /// `received_at`, microseconds since the epoch.
    let micros: Int64
    /// Index into ``SynthPlan/jobs``.
    let job: Int32
    /// `true` for the `completed` callback, `false` for `in_progress`.
    let completed: Bool
}

/// The whole synthetic history, decided before anything is written.
///
/// Backends, PRs, dispatches, jobs with their times and conclusions, JUnit files and the callback
/// order. Built by ``SynthPlan/make(_:)``; everything after it is a pure function of the plan.
final class SynthPlan: Sendable {
    /// The options it was planned for.
    let options: SynthOptions
    /// The backends.
    let backends: [SynthBackend]
    /// Each backend's test pool (parallel to ``backends``).
    let pools: [TestPool]
    /// Test selections per backend: one per matrix job, then the nightly job last.
    let selections: [[TestSelection]]
    /// Pull requests, by increasing number.
    let prs: [SynthPR]
    /// PR pushes and nightly runs.
    let dispatches: [SynthDispatch]
    /// Every job execution.
    let jobs: [SynthJob]
    /// JUnit files, in job order.
    let files: [SynthFile]
    /// Callbacks in arrival order.
    let events: [SynthEvent]
    /// Counts for the summary (callbacks and files are filled in later).
    let summary: SynthSummary

    init(
        options: SynthOptions, backends: [SynthBackend], pools: [TestPool], selections: [[TestSelection]],
        prs: [SynthPR], dispatches: [SynthDispatch], jobs: [SynthJob], files: [SynthFile], events: [SynthEvent],
        summary: SynthSummary
    ) {
        self.options = options
        self.backends = backends
        self.pools = pools
        self.selections = selections
        self.prs = prs
        self.dispatches = dispatches
        self.jobs = jobs
        self.files = files
        self.events = events
        self.summary = summary
    }

    /// The spec of `job` (its matrix entry or the nightly job).
    func spec(of job: SynthJob) -> SynthJobSpec {
        let backend = backends[Int(job.backend)]
        return job.spec < 0 ? backend.nightly : backend.matrix[Int(job.spec)]
    }

    /// The test selection of `job`.
    func selection(of job: SynthJob) -> TestSelection {
        let list = selections[Int(job.backend)]
        return job.spec < 0 ? list[list.count - 1] : list[Int(job.spec)]
    }

    /// Plans a history for `options`.
    ///
    /// Rules (docs/synth.md): the history spans `jobs / jobsPerDay` days ending at `now`; PRs
    /// open at a constant rate with 1–3 pushes each; each push gets an exact share of the job
    /// budget, filled by backends in a weighted random order (L4 first most often), each running
    /// its matrix (builds, then test shards); about 5 % of jobs fail (a few pushes break a
    /// backend outright), 1 % are cancelled, 0.3 % time out; 3 % of failed jobs are rerun
    /// (attempt 2, same run and SHA, new check run) and pass; one nightly job per backend per
    /// day; jobs that would end after `now` are still running, so are the latest 0.5 % of test
    /// jobs as far as they started within the last 3 h, and a few jobs started over 6 h earlier
    /// never completed (lost).
    static func make(_ options: SynthOptions) -> SynthPlan {
        var rng = SplitMix64(seed: options.seed)
        let hour: Int64 = 3_600_000_000
        let now = options.now.micros
        let totalJobs = max(0, options.jobs)
        let window = Int64(Double(totalJobs) / Double(max(1, options.jobsPerDay)) * 86_400e6)
        let start = now - max(window, hour)
        var summary = SynthSummary()

        // Pull requests: numbers increase with time, opened at a constant rate.
        let prCount = max(1, options.prs)
        var prs: [SynthPR] = []
        var number = Int64(max(1_000, 190_000 - prCount * 3))
        for _ in 0..<prCount {
            number += Int64(1 + rng.below(5))
            let author = rng.pick(Catalog.authors)
            let tricky = rng.chance(0.03)
            var title = tricky ? rng.pick(Catalog.trickyTitles) : rng.pick(Catalog.titleBodies)
            let area = rng.pick(Catalog.areas)
            if !tricky && !area.isEmpty { title = "[\(area)] \(title)" }
            let ref =
                rng.chance(0.4) ? "gh/\(author)/\(rng.int(in: 1...900))/head" : "\(author)/patch-\(rng.int(in: 1...99))"
            let labels = (0..<rng.below(4)).map { _ in rng.pick(Catalog.labels) }
            prs.append(
                SynthPR(number: number, title: title, author: author, ref: ref, labels: Array(Set(labels)).sorted()))
        }

        // Pushes: the first when the PR opens, then 0–2 more a few hours apart.
        let lastPush = now - hour / 3
        let span = max(1, lastPush - start)
        var pushTimes: [(micros: Int64, pr: Int32)] = []
        for k in 0..<prCount {
            var t = start + Int64((Double(k) + rng.unit()) / Double(prCount) * Double(span))
            pushTimes.append((t, Int32(k)))
            let r = rng.unit()
            let extra = r < 0.6 ? 0 : r < 0.88 ? 1 : 2
            for _ in 0..<extra {
                t += Int64(min(48.0, max(0.33, rng.exponential(mean: 5))) * Double(hour))
                if t <= lastPush { pushTimes.append((t, Int32(k))) }
            }
        }
        pushTimes.sort { ($0.micros, $0.pr) < ($1.micros, $1.pr) }
        var dispatches: [SynthDispatch] = []
        var pushesSeen = Set<Int32>()
        for push in pushTimes {
            let pr = prs[Int(push.pr)]
            let sha = rng.hex(40)
            let first = pushesSeen.insert(push.pr).inserted
            dispatches.append(
                SynthDispatch(
                    pr: push.pr, micros: push.micros, sha: sha, delivery: rng.uuid(),
                    payload: webhookPayload(pr, sha: sha, action: first ? "opened" : "synchronize")))
        }
        let pushCount = dispatches.count
        summary.prs = prCount
        summary.pushes = pushCount

        // Nightly runs: one upstream SHA per day, one job per backend, thinned when the budget
        // is tiny.
        let backendCount = max(1, options.backends)
        var probe = SynthBackend.make(count: backendCount, seed: options.seed)
        let day: Int64 = 24 * hour
        var nightlySlots: [(micros: Int64, end: Int64, backend: Int32, dispatch: Int32)] = []
        var nightlyDispatch: [Int64: Int32] = [:]
        var nightlyRNG = SplitMix64(seed: options.seed, stream: 0x4E16)
        for d in (start / day)...(now / day) {
            for b in 0..<backendCount {
                let t = d * day + hour + Int64(b * 7 % 180) * 60_000_000 + Int64(nightlyRNG.below(600)) * 1_000_000
                let minutes = probe[b].nightly.minutes * (0.85 + 0.3 * nightlyRNG.unit())
                let end = t + Int64(minutes * 60e6)
                guard t >= start, end <= now else { continue }
                if nightlyDispatch[d] == nil {
                    let sha = nightlyRNG.hex(40)
                    nightlyDispatch[d] = Int32(dispatches.count)
                    var p = ByteWriter(capacity: 100)
                    p.raw("{\"repository\":{\"full_name\":\"pytorch/pytorch\"},\"head_sha\":")
                    p.jsonString(sha)
                    p.raw("}")
                    dispatches.append(SynthDispatch(pr: -1, micros: d * day, sha: sha, delivery: sha, payload: p.bytes))
                }
                nightlySlots.append((t, end, Int32(b), nightlyDispatch[d]!))
            }
        }
        let nightlyCap = totalJobs / 10
        if nightlySlots.count > nightlyCap {
            let total = nightlySlots.count
            nightlySlots = nightlySlots.enumerated().filter { i, _ in
                (i + 1) * nightlyCap / total > i * nightlyCap / total
            }.map(\.element)
        }
        let prBudget = totalJobs - nightlySlots.count

        // Backends: enough matrix jobs for the largest push quota.
        let maxQuota = pushCount > 0 ? (prBudget + pushCount - 1) / pushCount : 0
        var extraShards = 0
        while probe.reduce(0, { $0 + $1.matrix.count }) * 10 < maxQuota * 13 + 20 && extraShards < 500 {
            extraShards += 1
            probe = SynthBackend.make(count: backendCount, seed: options.seed, extraShards: extraShards)
        }
        let backends = probe
        let pools = backends.map { TestPool(repo: $0.repo) }
        let selections = zip(backends, pools).map { backend, pool in
            (backend.matrix + [backend.nightly]).map {
                pool.selection(jobName: $0.name, smallReportBytes: options.smallJUnitBytes)
            }
        }

        // Jobs, push by push.
        var jobs: [SynthJob] = []
        jobs.reserveCapacity(totalJobs)
        var jobRNG = SplitMix64(seed: options.seed, stream: 0x10B5)
        func newJob(
            _ b: Int, _ s: Int, _ dispatch: Int, attempt: Int32, conclusion: SynthConclusion, start: Int64,
            end: Int64, queueMillis: Int64, runID: Int64, rerunOf: Int32
        ) {
            jobs.append(
                SynthJob(
                    backend: Int32(b), spec: Int32(s), dispatch: Int32(dispatch), attempt: attempt,
                    conclusion: conclusion, running: false, startMicros: start, endMicros: end,
                    queueMillis: queueMillis, runID: runID, checkRunID: 0, rerunOf: rerunOf, file: -1,
                    seed: SplitMix64.mix(options.seed &+ SplitMix64.mix(UInt64(jobs.count) &+ 0x5EED_0000_0000))))
        }
        func duration(_ spec: SynthJobSpec, _ conclusion: SynthConclusion) -> Int64 {
            var minutes = spec.minutes * jobRNG.logNormal(median: 1, sigma: 0.2)
            switch conclusion {
            case .success: break
            case .failure: minutes *= 0.5 + 0.5 * jobRNG.unit()
            case .cancelled: minutes *= 0.05 + 0.75 * jobRNG.unit()
            case .timedOut: minutes = 240 + 25 * jobRNG.unit()
            }
            return Int64(max(0.5, minutes) * 60e6) + Int64(jobRNG.below(1_000_000))
        }
        let runStride = Int64(backendCount * 4 + 4)
        for (i, push) in dispatches.prefix(pushCount).enumerated() {
            var remaining = Int(
                Int64(prBudget) * Int64(i + 1) / Int64(pushCount) - Int64(prBudget) * Int64(i) / Int64(pushCount))
            // Weighted random order (Efraimidis–Spirakis keys): L4 backends come first most often.
            let order = (0..<backendCount).map { b in (key: jobRNG.exponential(mean: 1) / backends[b].weight, b: b) }
                .sorted { ($0.key, $0.b) < ($1.key, $1.b) }.map(\.b)
            let firstJob = jobs.count
            for b in order where remaining > 0 {
                let backend = backends[b]
                let broken = jobRNG.chance(0.045 * backend.failureFactor)
                let failureRate = broken ? 0.55 : 0.038 * backend.failureFactor
                let dispatched = push.micros + Int64(2 + jobRNG.below(18)) * 1_000_000
                var workflows: [String] = []
                var buildEnd: [String: Int64] = [:]
                for (s, spec) in backend.matrix.enumerated() where remaining > 0 {
                    var w = workflows.firstIndex(of: spec.workflow) ?? -1
                    if w < 0 {
                        w = workflows.count
                        workflows.append(spec.workflow)
                    }
                    let runID = 30_000_000_000 + Int64(i) * runStride + Int64(b * 4 + w)
                    let u = jobRNG.unit()
                    let conclusion: SynthConclusion =
                        u < failureRate
                        ? .failure
                        : u < failureRate + 0.0105
                            ? .cancelled : u < failureRate + 0.0105 + 0.0032 ? .timedOut : .success
                    let queue = min(
                        6 * 3_600_000.0, 1000 * jobRNG.logNormal(median: backend.queueMedianSeconds, sigma: 1.0))
                    let ready = spec.kind == .test ? (buildEnd[spec.workflow] ?? dispatched) : dispatched
                    let begin = ready + Int64(queue) * 1_000
                    let end = begin + duration(spec, conclusion)
                    if spec.kind == .build { buildEnd[spec.workflow] = end }
                    newJob(
                        b, s, i, attempt: 1, conclusion: conclusion, start: begin, end: end,
                        queueMillis: Int64(queue), runID: runID, rerunOf: -1)
                    remaining -= 1
                    // A few failed jobs are rerun (same run and SHA) and pass: flaky-job evidence.
                    if conclusion == .failure && remaining > 0 && jobRNG.chance(0.03) {
                        let rerunStart =
                            end + Int64(5 + jobRNG.below(55)) * 60_000_000
                            + Int64(1000 * jobRNG.logNormal(median: backend.queueMedianSeconds, sigma: 1.0)) * 1_000
                        if rerunStart < now - hour {
                            newJob(
                                b, s, i, attempt: 2, conclusion: .success, start: rerunStart,
                                end: rerunStart + duration(spec, .success), queueMillis: -1, runID: runID,
                                rerunOf: Int32(jobs.count - 1))
                            remaining -= 1
                        }
                    }
                }
            }
            // Only when a push's quota exceeds every matrix together (tiny configurations):
            // further attempts of this push's jobs.
            while remaining > 0 && jobs.count > firstJob {
                let previous = jobs[firstJob + jobRNG.below(jobs.count - firstJob)]
                let spec = backends[Int(previous.backend)].matrix[Int(previous.spec)]
                let begin = previous.endMicros + Int64(10 + jobRNG.below(50)) * 60_000_000
                newJob(
                    Int(previous.backend), Int(previous.spec), i, attempt: previous.attempt + 1, conclusion: .success,
                    start: begin, end: begin + duration(spec, .success), queueMillis: -1, runID: previous.runID,
                    rerunOf: -1)
                remaining -= 1
            }
        }
        let prJobCount = jobs.count
        for slot in nightlySlots {
            let backend = backends[Int(slot.backend)]
            let u = jobRNG.unit()
            let conclusion: SynthConclusion = u < 0.1 * backend.failureFactor ? .failure : .success
            newJob(
                Int(slot.backend), -1, Int(slot.dispatch), attempt: 1, conclusion: conclusion, start: slot.micros,
                end: slot.end, queueMillis: -1,
                runID: 29_000_000_000 + Int64(slot.dispatch) * runStride + Int64(slot.backend), rerunOf: -1)
        }

        // Still running: whatever would end after now (a job cannot start after now either),
        // and a few lost jobs started over 6 h ago.
        var hasRerun = Set<Int32>()
        for job in jobs where job.rerunOf >= 0 { hasRerun.insert(job.rerunOf) }
        for j in 0..<prJobCount {
            if jobs[j].startMicros > now {
                jobs[j].startMicros = now - Int64(1 + jobRNG.below(900)) * 1_000_000
            }
            if jobs[j].endMicros > now { jobs[j].running = true }
        }
        // The latest ~0.5 % of jobs are still running, as far as they started within the last
        // 3 hours (at high volume that is every test job of the last hours; older ones have
        // finished). Jobs with a rerun are finished by definition.
        let latest = (0..<prJobCount).filter {
            jobs[$0].startMicros >= now - 3 * hour && !hasRerun.contains(Int32($0))
                && backends[Int(jobs[$0].backend)].matrix[Int(jobs[$0].spec)].kind == .test
        }.sorted { (jobs[$0].startMicros, $0) > (jobs[$1].startMicros, $1) }
        for j in latest.prefix((prBudget + 199) / 200) { jobs[j].running = true }
        let lostCandidates = (0..<prJobCount).filter {
            let job = jobs[$0]
            return job.attempt == 1 && !job.running && !hasRerun.contains(Int32($0))
                && job.startMicros >= now - 48 * hour && job.startMicros <= now - 6 * hour - hour / 2
        }
        let lostCount = min(lostCandidates.count, max(1, min(25, prBudget / 40_000)))
        var lostLeft = lostCount
        for (n, j) in lostCandidates.enumerated() where lostLeft > 0 {
            if jobRNG.below(lostCandidates.count - n) < lostLeft {
                jobs[j].running = true
                lostLeft -= 1
            }
        }

        // check_run_id increases with start time, like GitHub's.
        let byStart = jobs.indices.sorted { (jobs[$0].startMicros, $0) < (jobs[$1].startMicros, $1) }
        for (rank, j) in byStart.enumerated() {
            jobs[j].checkRunID = 40_000_000_000 + Int64(rank) * 4 + Int64(jobRNG.below(4))
        }

        // JUnit files: both attempts of some flaky reruns, a quarter of the budget on failed
        // jobs, the rest uniformly over completed test jobs; then exactly the big ones.
        let budget = max(0, options.junitFiles)
        func candidate(_ j: Int) -> Bool {
            let job = jobs[j]
            guard !job.running, job.conclusion == .success || job.conclusion == .failure else { return false }
            let backend = backends[Int(job.backend)]
            return (job.spec < 0 ? backend.nightly : backend.matrix[Int(job.spec)]).kind == .test
        }
        var chosen = [Bool](repeating: false, count: jobs.count)
        var picked = 0
        func sample(_ pool: [Int], _ k: Int) {
            var need = min(k, pool.count)
            for (n, j) in pool.enumerated() where need > 0 {
                if jobRNG.below(pool.count - n) < need {
                    chosen[j] = true
                    picked += 1
                    need -= 1
                }
            }
        }
        let pairs = (0..<jobs.count).filter {
            jobs[$0].rerunOf >= 0 && candidate($0) && candidate(Int(jobs[$0].rerunOf))
        }
        var pairPicks = [Bool](repeating: false, count: pairs.count)
        var needPairs = min(pairs.count, budget / 20)
        for n in pairs.indices where needPairs > 0 {
            if jobRNG.below(pairs.count - n) < needPairs {
                pairPicks[n] = true
                needPairs -= 1
            }
        }
        for (n, j) in pairs.enumerated() where pairPicks[n] {
            chosen[j] = true
            chosen[Int(jobs[j].rerunOf)] = true
            picked += 2
        }
        sample(
            (0..<jobs.count).filter { !chosen[$0] && jobs[$0].conclusion == .failure && candidate($0) },
            (budget - picked) / 4)
        sample((0..<jobs.count).filter { !chosen[$0] && candidate($0) }, budget - picked)
        let withFile = (0..<jobs.count).filter { chosen[$0] }
        // Big reports come from jobs that run a few thousand tests when there are enough of them.
        func runsMany(_ j: Int) -> Bool {
            let job = jobs[j]
            let list = selections[Int(job.backend)]
            return (job.spec < 0 ? list[list.count - 1] : list[Int(job.spec)]).tests.count >= 2_000
        }
        let bigCount = min(options.bigJUnitFiles, withFile.count)
        let manyCount = withFile.reduce(0) { $0 + (runsMany($1) ? 1 : 0) }
        let preferMany = manyCount >= bigCount
        var bigLeft = bigCount
        var eligibleLeft = preferMany ? manyCount : withFile.count
        var files: [SynthFile] = []
        files.reserveCapacity(withFile.count)
        for j in withFile {
            var big = false
            if !preferMany || runsMany(j) {
                big = jobRNG.below(eligibleLeft) < bigLeft
                eligibleLeft -= 1
            }
            if big { bigLeft -= 1 }
            jobs[j].file = Int32(files.count)
            let path =
                "\(backends[Int(jobs[j].backend)].repo)/\(Civil.yearMonth(micros: jobs[j].startMicros))/\(jobs[j].checkRunID).xml"
            files.append(SynthFile(job: Int32(j), big: big, path: path))
        }

        // Callbacks in arrival order: in_progress at the start, completed at the end (nightly
        // runs report once, completed), each received 0.2–3 s after it was sent.
        var events: [SynthEvent] = []
        events.reserveCapacity(jobs.count * 2)
        for (j, job) in jobs.enumerated() {
            let delay = { Int64(200_000 + jobRNG.below(2_800_000)) }
            if job.spec >= 0 {
                events.append(SynthEvent(micros: job.startMicros + delay(), job: Int32(j), completed: false))
            }
            if !job.running {
                events.append(SynthEvent(micros: job.endMicros + delay(), job: Int32(j), completed: true))
            }
        }
        events.sort { ($0.micros, $0.job, $0.completed ? 1 : 0) < ($1.micros, $1.job, $1.completed ? 1 : 0) }

        summary.jobs = jobs.count
        summary.nightlyJobs = jobs.count - prJobCount
        summary.reruns = jobs.reduce(0) { $0 + ($1.attempt > 1 ? 1 : 0) }
        summary.running = jobs.reduce(0) { $0 + ($1.running ? 1 : 0) }
        summary.lost = lostCount
        for job in jobs where !job.running { summary.conclusions[job.conclusion.text, default: 0] += 1 }
        summary.bigJUnitFiles = files.reduce(0) { $0 + ($1.big ? 1 : 0) }
        return SynthPlan(
            options: options, backends: backends, pools: pools, selections: selections, prs: prs,
            dispatches: dispatches, jobs: jobs, files: files, events: events, summary: summary)
    }

    /// The webhook `payload` of a PR push (the fields OOT HUD reads, plus realistic company).
    static func webhookPayload(_ pr: SynthPR, sha: String, action: String) -> [UInt8] {
        var p = ByteWriter(capacity: 800)
        p.raw("{\"action\":")
        p.jsonString(action)
        p.raw(",\"number\":")
        p.int(pr.number)
        p.raw(",\"pull_request\":{\"number\":")
        p.int(pr.number)
        p.raw(",\"title\":")
        p.jsonString(pr.title)
        p.raw(",\"state\":\"open\",\"draft\":false,\"user\":{\"login\":")
        p.jsonString(pr.author)
        p.raw(",\"type\":\"User\"},\"head\":{\"sha\":")
        p.jsonString(sha)
        p.raw(",\"ref\":")
        p.jsonString(pr.ref)
        p.raw(
            ",\"repo\":{\"full_name\":\"pytorch/pytorch\"}},\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"pytorch/pytorch\"}},\"labels\":["
        )
        for (i, label) in pr.labels.enumerated() {
            if i > 0 { p.raw(",") }
            p.raw("{\"name\":")
            p.jsonString(label)
            p.raw("}")
        }
        p.raw(
            "]},\"repository\":{\"full_name\":\"pytorch/pytorch\",\"default_branch\":\"main\"},\"sender\":{\"login\":")
        p.jsonString(pr.author)
        p.raw("}}")
        return p.bytes
    }
}
