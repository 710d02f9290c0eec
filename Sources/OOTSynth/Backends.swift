/// One job of a backend's CI matrix: a workflow name and a job name (the HUD's column key).
struct SynthJobSpec: Sendable, Equatable {
    /// What the job does, which decides whether it reports tests.
    enum Kind: UInt8, Sendable {
        /// Builds the backend; no tests, no `test_results`.
        case build
        /// Runs a shard of the test suite; reports `test_results` and may have a JUnit file.
        case test
        /// A short check (lint); no tests.
        case lint
    }

    /// `workflow.name`, like `npu-ci`.
    let workflow: String
    /// `workflow.job_name`, like `test-shard-1-of-4 (default, linux.npu.2xlarge)`.
    let name: String
    /// Build, test or lint.
    let kind: Kind
    /// Median execution time, in minutes.
    let minutes: Double
}

/// A synthetic downstream backend: repository, level, CI matrix and timing profile.
struct SynthBackend: Sendable {
    /// `verified_repo`, `org-N/torch-<device>`.
    let repo: String
    /// The device name (`npu`, `xpu2`).
    let device: String
    /// `downstream_repo_level`: `L2`, `L3` or `L4`.
    let level: String
    /// The jobs run for each PR push, builds first (two workflows may share a job name).
    let matrix: [SynthJobSpec]
    /// The daily nightly job (`event_type` `nightly`).
    let nightly: SynthJobSpec
    /// Relative likelihood of running on a given push (L4 highest).
    let weight: Double
    /// Median queue time, in seconds.
    let queueMedianSeconds: Double
    /// Multiplier on the base failure rate (1 = average).
    let failureFactor: Double

    /// The backends for `count` repositories drawn from `seed`, levels spread about 30 % L4,
    /// 40 % L3, 30 % L2; `extraShards` adds that many `default` test shards to every matrix
    /// (used when a push must hold more jobs than the matrices have).
    static func make(count: Int, seed: UInt64, extraShards: Int = 0) -> [SynthBackend] {
        var rng = SplitMix64(seed: seed, stream: 0xBAC4E4D)
        var levels: [String] = []
        let l4 = max(count >= 3 ? 1 : 0, Int((Double(count) * 0.3).rounded()))
        let l3 = max(count >= 3 ? 1 : 0, Int((Double(count) * 0.4).rounded()))
        for i in 0..<count { levels.append(i < l4 ? "L4" : i < l4 + l3 ? "L3" : "L2") }
        if count < 3 { levels = Array(["L4", "L3"].prefix(count)) }
        for i in stride(from: levels.count - 1, to: 0, by: -1) { levels.swapAt(i, rng.below(i + 1)) }

        return (0..<count).map { i in
            let base = Catalog.devices[i % Catalog.devices.count]
            let device = i < Catalog.devices.count ? base : "\(base)\(i / Catalog.devices.count + 1)"
            let level = levels[i]
            let ci = "\(device)-ci"
            let host = "linux.\(device)"
            var matrix: [SynthJobSpec] = []
            func tests(_ workflow: String, _ config: String, _ shards: Int, _ shape: String, _ suiteMinutes: Double) {
                for k in 1...shards {
                    let minutes = suiteMinutes / Double(shards) * (0.85 + 0.3 * rng.unit())
                    matrix.append(
                        SynthJobSpec(
                            workflow: workflow, name: "test-shard-\(k)-of-\(shards) (\(config), \(host).\(shape))",
                            kind: .test, minutes: minutes))
                }
            }
            let buildMinutes = 12 + 28 * rng.unit()
            let suite = 120 + 180 * rng.unit()
            switch level {
            case "L4":
                matrix.append(SynthJobSpec(workflow: ci, name: "build", kind: .build, minutes: buildMinutes))
                tests(ci, "default", rng.int(in: 3...5) + extraShards, "2xlarge", suite)
                let distributed = rng.int(in: 0...2)
                if distributed > 0 { tests(ci, "distributed", distributed, "8xlarge", 50 + 40 * rng.unit()) }
                if rng.chance(0.7) {
                    let inductor = "\(device)-inductor"
                    matrix.append(SynthJobSpec(workflow: inductor, name: "build", kind: .build, minutes: buildMinutes))
                    tests(inductor, "inductor", rng.int(in: 2...3), "4xlarge", 150 + 120 * rng.unit())
                }
            case "L3":
                matrix.append(SynthJobSpec(workflow: ci, name: "build", kind: .build, minutes: buildMinutes))
                tests(ci, "default", rng.int(in: 2...4) + extraShards, "2xlarge", suite)
                if rng.chance(0.4) {
                    let inductor = "\(device)-inductor"
                    matrix.append(SynthJobSpec(workflow: inductor, name: "build", kind: .build, minutes: buildMinutes))
                    tests(inductor, "inductor", rng.int(in: 1...2), "4xlarge", 100 + 80 * rng.unit())
                }
            default:
                if rng.chance(0.3) {
                    let smoke = "\(device)-smoke"
                    matrix.append(SynthJobSpec(workflow: smoke, name: "lint", kind: .lint, minutes: 3 + 5 * rng.unit()))
                    matrix.append(
                        SynthJobSpec(
                            workflow: smoke, name: "smoke-test (default, \(host).xlarge)", kind: .test,
                            minutes: 10 + 10 * rng.unit()))
                    if extraShards > 0 { tests(ci, "default", extraShards, "2xlarge", suite) }
                } else {
                    matrix.append(SynthJobSpec(workflow: ci, name: "build", kind: .build, minutes: buildMinutes))
                    tests(ci, "default", rng.int(in: 1...2) + extraShards, "2xlarge", suite)
                }
            }
            let nightly = SynthJobSpec(
                workflow: "\(device)-nightly", name: "nightly-tests (full, \(host).8xlarge)", kind: .test,
                minutes: 150 + 150 * rng.unit())
            let weight = (level == "L4" ? 3.0 : level == "L3" ? 1.6 : 1.0) * (0.6 + 0.8 * rng.unit())
            let queue =
                level == "L4" ? 20 + 100 * rng.unit() : level == "L3" ? 60 + 540 * rng.unit() : 120 + 1680 * rng.unit()
            let failureFactor = (level == "L2" ? 1.3 : 0.85) * (0.6 + 0.8 * rng.unit())
            return SynthBackend(
                repo: "org-\(i + 1)/torch-\(device)", device: device, level: level, matrix: matrix, nightly: nightly,
                weight: weight, queueMedianSeconds: queue, failureFactor: failureFactor)
        }
    }
}
