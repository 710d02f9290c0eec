import Foundation
import Testing

@testable import OOTSite

/// The relay's allowlist format (spec §10): every accepted shape, and clear errors.
@Suite struct AllowlistTests {
    @Test func everyShapeOfTheRelayFormatIsRead() throws {
        let allowlist = try Allowlist(
            yaml: """
                L1:
                  - plain-org/plain-repo
                L2:
                  - riscv-ai/torch-rvv: alice, bob
                  - listed-org/listed: [carol, dave]
                L3:
                  xpu:
                    openxpu/pytorch-xpu: [erin]
                l4:
                  acme-silicon/torch-npu: frank
                """)
        #expect(allowlist.entries.count == 5)
        #expect(
            allowlist.entries["plain-org/plain-repo"]
                == .init(repo: "plain-org/plain-repo", level: "L1", oncalls: [], device: nil))
        #expect(allowlist.entries["riscv-ai/torch-rvv"]?.oncalls == ["alice", "bob"])
        #expect(allowlist.entries["listed-org/listed"]?.oncalls == ["carol", "dave"])
        #expect(
            allowlist.entries["openxpu/pytorch-xpu"]
                == .init(repo: "openxpu/pytorch-xpu", level: "L3", oncalls: ["erin"], device: "xpu"))
        #expect(allowlist.entries["acme-silicon/torch-npu"]?.level == "L4", "level keys are case-insensitive")
    }

    @Test func aRepoListedTwiceKeepsTheHigherLevel() throws {
        let allowlist = try Allowlist(yaml: "L2:\n  - a/b\nL4:\n  - a/b\nL1:\n  - a/b\n")
        #expect(allowlist.entries["a/b"]?.level == "L4")
    }

    @Test func badFilesAreClearErrors() throws {
        #expect(throws: AllowlistError(source: "x.yml", reason: "unknown level L5 (expected L1…L4)")) {
            try Allowlist(yaml: "L5:\n  - a/b\n", source: "x.yml")
        }
        #expect(throws: AllowlistError(source: "x.yml", reason: "expected a mapping with keys L1, L2, L3, L4")) {
            try Allowlist(yaml: "- a/b\n", source: "x.yml")
        }
        do {
            _ = try Allowlist(yaml: "L1: [a/b\n", source: "x.yml")
            Issue.record("unterminated flow sequence accepted")
        } catch {
            #expect(error.reason.hasPrefix("not valid YAML"))
        }
    }

    @Test func aMissingFileIsAnEmptyAllowlist() throws {
        #expect(try Allowlist(path: "/nonexistent/allowlist.yml").entries.isEmpty)
        #expect(try Allowlist(path: nil).entries.isEmpty)
    }

    @Test func theShippedAllowlistParses() throws {
        let allowlist = try Allowlist(path: DemoSite.root.appendingPathComponent("data/allowlist.yml").path)
        #expect(Set(allowlist.entries.values.map(\.level)) == ["L1", "L2", "L3", "L4"])
    }
}
