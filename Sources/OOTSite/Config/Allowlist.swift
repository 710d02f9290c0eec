import Foundation
import Yams

/// The relay's allowlist (spec §10, RFC-0050 "Allowlist Policy"): which downstream repos are
/// registered at which level, with their oncalls.
///
/// Accepted shapes, mixed freely under the `L1`…`L4` keys:
/// ```yaml
/// L1:
///   - some-org/repo                     # a plain entry
/// L2:
///   - riscv-ai/torch-rvv: alice, bob    # with oncalls (comma-separated or a list)
/// L3:
///   xpu:                                # TI-HEAD: grouped by device
///     openxpu/pytorch-xpu: [carol]
/// L4:
///   acme-silicon/torch-npu: dave
/// ```
/// A repo listed at two levels keeps the higher one (the relay allows one level per repo).
public struct Allowlist: Sendable, Equatable {
    /// One registered repo.
    public struct Entry: Sendable, Equatable {
        /// `owner/repo`.
        public let repo: String
        /// `L1`…`L4`.
        public let level: String
        /// Oncall handles, if listed.
        public let oncalls: [String]
        /// The device group (TI-HEAD's L3 grouping), if any.
        public let device: String?
    }

    /// The entries, by repo.
    public let entries: [String: Entry]

    /// An empty allowlist (no file).
    public init() { entries = [:] }

    /// Parses allowlist YAML.
    ///
    /// - Throws: ``AllowlistError`` when the text is not YAML or not a mapping of levels.
    public init(yaml: String, source: String = "allowlist.yml") throws(AllowlistError) {
        let document: Any?
        do {
            document = try Yams.load(yaml: yaml)
        } catch {
            throw AllowlistError(source: source, reason: "not valid YAML: \(error)")
        }
        guard let levels = document as? [String: Any] else {
            throw AllowlistError(source: source, reason: "expected a mapping with keys L1, L2, L3, L4")
        }
        var entries: [String: Entry] = [:]
        for (level, value) in levels {
            let level = level.uppercased()
            guard ["L1", "L2", "L3", "L4"].contains(level) else {
                throw AllowlistError(source: source, reason: "unknown level \(level) (expected L1…L4)")
            }
            for (repo, oncalls, device) in Self.repos(in: value, device: nil) {
                if let existing = entries[repo], existing.level >= level { continue }
                entries[repo] = Entry(repo: repo, level: level, oncalls: oncalls, device: device)
            }
        }
        self.entries = entries
    }

    /// Reads the allowlist at `path`; a missing file is an empty allowlist.
    ///
    /// - Throws: ``AllowlistError`` when the file exists but cannot be read or parsed.
    public init(path: String?) throws(AllowlistError) {
        guard let path, FileManager.default.fileExists(atPath: path) else {
            self.init()
            return
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AllowlistError(source: path, reason: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(yaml: text, source: path)
    }

    /// `(repo, oncalls, device)` for every repo under one level's value.
    private static func repos(in value: Any?, device: String?) -> [(String, [String], String?)] {
        switch value {
        case let repo as String where repo.contains("/"):
            return [(repo.trimmingCharacters(in: .whitespaces), [], device)]
        case let list as [Any]:
            return list.flatMap { repos(in: $0, device: device) }
        case let map as [String: Any]:
            return map.keys.sorted().flatMap { key -> [(String, [String], String?)] in
                if key.contains("/") { return [(key.trimmingCharacters(in: .whitespaces), oncalls(map[key]), device)] }
                return repos(in: map[key], device: key)  // a device group
            }
        default:
            return []
        }
    }

    private static func oncalls(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case let list as [Any]:
            return list.compactMap { $0 as? String }
        default:
            return []
        }
    }
}
