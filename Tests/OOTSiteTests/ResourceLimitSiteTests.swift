import Foundation
import OOTCore
import OOTSite
import Testing

/// Hostile artifacts go through the whole build (harvest, index, render): each job page shows
/// an explicit error state, the rest of the site builds, and nothing is expanded in memory.
///
/// The same files at full size (1 GB text node, 1 GiB zip bomb) run in scripts/fault-limits.sh.
@Suite struct ResourceLimitSiteTests {
    static func billionLaughs() -> String {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        return xml + "]>\n<testsuite name=\"s\"><testcase classname=\"c\" name=\"&lol9;\"/></testsuite>\n"
    }

    @Test func hostileReportsShowAnErrorStateOnTheirJobPage() async throws {
        let deep = String(repeating: "<testsuite>", count: 100_000) + String(repeating: "</testsuite>", count: 100_000)
        let oversize =
            "<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"/>"
            + String(repeating: " ", count: 3 << 20) + "</testsuite>"
        let bomb = try ArtifactServer.zip([("reports/big.xml", Data(repeating: 0x20, count: 8 << 20))])
        let jsonl = "{\"not\": \"junit\"}\n"
        let jobs: [SyntheticSite.Job] = [
            .init(name: "laughs", conclusion: "failure", junit: Self.billionLaughs(), checkRunID: 71),
            .init(name: "deep", conclusion: "failure", junit: deep, checkRunID: 72),
            .init(name: "oversize", conclusion: "failure", junit: oversize, checkRunID: 73),
            .init(name: "bomb", conclusion: "failure", artifact: ("report.zip", bomb), checkRunID: 74),
            .init(name: "not-xml", conclusion: "failure", artifact: ("log.json", Data(jsonl.utf8)), checkRunID: 75),
            .init(name: "fine", conclusion: "success", junit: SyntheticSite.junit([("a.b", "passed")]), checkRunID: 76),
        ]
        let site = try await SyntheticSite.build(jobs) { options in
            options.harvest.limits.maxBytes = 1 << 20
            options.harvest.maxUncompressedBytes = 4 << 20
        }
        func banner(_ id: Int) throws -> String {
            let html = try site.page("oot/synth-org/torch-synth/job/\(id)/index.html")
            guard let start = html.range(of: "<p class=\"banner error\">") else { return "" }
            return String(html[start.upperBound...].prefix { $0 != "\n" })
        }
        #expect(try banner(71).contains("Report state: rejected.</strong> the report has a DOCTYPE declaration"))
        #expect(try banner(72).contains("Report state: rejected.</strong> elements nest deeper than 256 levels"))
        #expect(try banner(73).contains("Report state: rejected.</strong> the report is larger than 1 MiB"))
        #expect(try banner(74).contains("the zip archive unpacks to more than 4 MiB (zip bomb?)"))
        let notXML = try banner(75)
        #expect(notXML.contains("</strong> not a JUnit artifact"), "a file that is not XML says why: \(notXML)")
        #expect(try banner(76) == "", "a good report next to the bad ones is unaffected")
        #expect(try site.page("oot/synth-org/torch-synth/index.html").contains("laughs"))
    }
}
