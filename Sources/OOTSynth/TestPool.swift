/// A backend's stable pool of test identities (classname + name), derived from its repository
/// name only: the same repository always has the same tests, whatever the seed, so tests recur
/// across jobs and across `synth` and `synth --append` runs (history pages and flaky detection
/// need that).
///
/// Layout: modules (`test/<path>.py`) per configuration (`default`, `distributed`, `inductor`),
/// each with 1–3 classes of 30–160 parametrized tests, about 10,000 tests per backend.
final class TestPool: Sendable {
    /// One test identity.
    struct Test: Sendable {
        /// Index into ``TestPool/classnames``.
        let classIndex: Int32
        /// Index into ``TestPool/files``.
        let moduleIndex: Int32
        /// The `name` attribute, UTF-8 (no characters that need XML escaping).
        let name: [UInt8]
        /// The `line` attribute.
        let line: Int32
        /// Typical run time, in milliseconds.
        let millis: Int32
        /// Index into ``TestPool/skipReasons`` when the test is always skipped on this backend
        /// (about 5 % of tests), else `-1`.
        let skipReason: Int8
    }

    /// The repository this pool belongs to.
    let repo: String
    /// The device name (`npu`), from `torch-<device>`.
    let device: String
    /// `classname` attributes, UTF-8, like `test_ops.TestCommonNPU`.
    let classnames: [[UInt8]]
    /// `file` attributes per module, UTF-8, like `test/test_ops.py`.
    let files: [[UInt8]]
    /// Module paths (`inductor/test_torchinductor`), parallel to ``files``.
    let modules: [String]
    /// Every test, grouped by module and class.
    let tests: [Test]
    /// Module indices per configuration, in shard order.
    let configModules: [String: [Int]]
    /// Test index ranges per module (`tests[range]`).
    let moduleRanges: [Range<Int>]
    /// Skip reasons with the device filled in, XML-attribute-escaped.
    let skipReasons: [[UInt8]]
    /// Lines of captured output with the device filled in, XML-text-escaped.
    let outputLines: [[UInt8]]

    /// The pool of `repo` (`org-N/torch-<device>`; any other name works too).
    init(repo: String) {
        self.repo = repo
        let tail = repo.split(separator: "/").last.map(String.init) ?? repo
        let device = tail.hasPrefix("torch-") ? String(tail.dropFirst(6)) : tail
        self.device = device
        let upper = String(device.filter { !$0.isNumber }).uppercased()
        var rng = SplitMix64(seed: StableHash.of(repo), stream: 0x7E57)

        func choose(_ list: [String], _ range: ClosedRange<Int>) -> [String] {
            var items = list
            for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, rng.below(i + 1)) }
            return Array(items.prefix(min(items.count, rng.int(in: range))))
        }
        let chosen: [(String, [String])] = [
            ("default", choose(Catalog.defaultModules, 40...70)),
            ("distributed", choose(Catalog.distributedModules, 8...14)),
            ("inductor", choose(Catalog.inductorModules, 12...25)),
        ]
        var classnames: [[UInt8]] = []
        var files: [[UInt8]] = []
        var modules: [String] = []
        var tests: [Test] = []
        var ranges: [Range<Int>] = []
        var configModules: [String: [Int]] = [:]
        let ops = Catalog.ops
        for (config, list) in chosen {
            for module in list {
                let moduleIndex = modules.count
                configModules[config, default: []].append(moduleIndex)
                modules.append(module)
                files.append(Array("test/\(module).py".utf8))
                let dotted = module.replacingOccurrences(of: "/", with: ".")
                let first = tests.count
                let classCount = rng.int(in: 1...3)
                var stems = Set<String>()
                for _ in 0..<classCount {
                    let stem = rng.pick(Catalog.classStems)
                    guard stems.insert(stem).inserted else { continue }
                    let classIndex = Int32(classnames.count)
                    classnames.append(Array("\(dotted).\(stem)\(upper)".utf8))
                    let variants = (0..<rng.int(in: 2...4)).map { _ in rng.pick(Catalog.variants) }
                    let uniqueVariants = Array(Set(variants)).sorted()
                    let dtypes = Array(Set((0..<rng.int(in: 2...5)).map { _ in rng.pick(Catalog.dtypes) })).sorted()
                    let count = rng.int(in: 30...160)
                    let start = rng.below(ops.count)
                    var line = Int32(rng.int(in: 100...900))
                    let perOp = uniqueVariants.count * dtypes.count
                    for idx in 0..<min(count, ops.count * perOp) {
                        let op = ops[(start + idx / perOp) % ops.count]
                        let variant = uniqueVariants[(idx / dtypes.count) % uniqueVariants.count]
                        let dtype = dtypes[idx % dtypes.count]
                        let name = Array("test_\(variant)_\(op)_\(device)_\(dtype)".utf8)
                        let h = SplitMix64.mix(StableHash.of(bytes: name, continuing: UInt64(classIndex) &* 0x9E37))
                        if idx % dtypes.count == 0 { line += Int32(rng.int(in: 8...60)) }
                        // Mostly milliseconds, a long tail of slow tests.
                        let millis: Int32 =
                            h % 50 == 0
                            ? Int32(2_000 + h % 60_000) : Int32(1 + (h >> 8) % 400 + ((h >> 20) % 4 == 0 ? 800 : 0))
                        let skip: Int8 = (h >> 32) % 20 == 0 ? Int8((h >> 40) % UInt64(Catalog.skipReasons.count)) : -1
                        tests.append(
                            Test(
                                classIndex: classIndex, moduleIndex: Int32(moduleIndex), name: name, line: line,
                                millis: millis, skipReason: skip))
                    }
                }
                ranges.append(first..<tests.count)
            }
        }
        self.classnames = classnames
        self.files = files
        self.modules = modules
        self.tests = tests
        self.moduleRanges = ranges
        self.configModules = configModules
        skipReasons = Catalog.skipReasons.map {
            Escape.xmlAttribute($0.replacingOccurrences(of: "%d", with: device))
        }
        outputLines = Catalog.outputLines.map { Escape.xmlText($0.replacingOccurrences(of: "%d", with: device)) }
    }

    /// The tests one job runs, chosen from its job name (`test-shard-K-of-N (config, host)`,
    /// `smoke-test (…)`, `nightly-tests (full, …)`); any other name runs a slice of `default`.
    ///
    /// - Parameters:
    ///   - jobName: `workflow.job_name`.
    ///   - smallReportBytes: The approximate size of a small (xmlrunner-style) report, in bytes;
    ///     it sets how many tests a small report covers.
    func selection(jobName: String, smallReportBytes: Int) -> TestSelection {
        var config = "default"
        var shard = 1
        var shards = 1
        if let open = jobName.firstIndex(of: "("), let comma = jobName[open...].firstIndex(of: ",") {
            config = String(jobName[jobName.index(after: open)..<comma])
        }
        if let range = jobName.range(of: "shard-") {
            let parts = jobName[range.upperBound...].prefix(while: { $0 != " " }).components(separatedBy: "-of-")
            if parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) {
                shard = k
                shards = n
            }
        } else if jobName.hasPrefix("smoke-test") {
            shards = 8
        } else if config != "full" {
            shards = 6
            shard = 1 + Int(StableHash.of(jobName) % 6)
        }
        if config == "full" { config = "default" }
        let moduleList = configModules[config] ?? configModules["default"] ?? []
        var indices: [Int32] = []
        if moduleList.count >= 2 * shards {
            for (ordinal, module) in moduleList.enumerated() where ordinal % shards == shard - 1 {
                indices.append(contentsOf: moduleRanges[module].map { Int32($0) })
            }
        } else {
            var ordinal = 0
            for module in moduleList {
                for t in moduleRanges[module] {
                    if ordinal % shards == shard - 1 { indices.append(Int32(t)) }
                    ordinal += 1
                }
            }
        }
        var rng = SplitMix64(seed: StableHash.of(repo + "\u{0}" + jobName), stream: 0x5E1)
        let target = Double(smallReportBytes) * (0.5 + rng.unit())  // ⅓…1 of the range's top
        let length = max(1, min(indices.count, Int(target / 180)))  // ~180 bytes per testcase
        let start = indices.count > length ? rng.below(indices.count - length + 1) : 0
        let troubled = (0..<min(8, length)).map { _ in Int32(start + rng.below(length)) }
        let skipped = indices.reduce(0) { $0 + (tests[Int($1)].skipReason >= 0 ? 1 : 0) }
        return TestSelection(
            tests: indices, window: start..<(start + length), troubled: troubled, skippedCount: skipped)
    }
}

/// The tests of one job: its shard of the pool, the slice a small report covers, and the few
/// "troubled" tests its failures usually hit (so a failing test fails again on later jobs).
struct TestSelection: Sendable {
    /// Pool test indices, in run order.
    let tests: [Int32]
    /// Positions in ``tests`` a small report covers.
    let window: Range<Int>
    /// Positions in ``tests`` (inside ``window``) that fail most often.
    let troubled: [Int32]
    /// How many of ``tests`` the pool always skips.
    let skippedCount: Int

    /// The positions a big report of about `count` tests covers: a contiguous run containing
    /// ``window``.
    func bigRange(count: Int) -> Range<Int> {
        let n = max(window.count, min(tests.count, count))
        let start = max(0, min(window.lowerBound - (n - window.count) / 2, tests.count - n))
        return start..<(start + n)
    }
}
