import Foundation
import OOTCore
import OOTSite
import Testing

/// Issue #15, honest counts: a registered backend that never reported is not shown as healthy,
/// and every backend, L1 included, links to its page.
@Suite struct HonestCountsTests {
    @Test func aRegisteredBackendThatNeverReportedSaysSo() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/index.html")
        let row = html.components(separatedBy: "<tr").first { $0.contains("quiet-labs/torch-quiet") } ?? ""
        #expect(row.contains("<span class=\"chip never\">never reported</span>"))
        #expect(row.contains("class=\"dot never\""))
        #expect(row.contains("<a class=\"repo\" href=\"quiet-labs/torch-quiet/index.html\">"))
        #expect(
            html.contains(
                "<div class=\"card warn\"><div class=\"card-label\">Never reported</div><div class=\"card-value\">1</div>"
            ))
    }

    @Test func everyBackendLinksToItsPageL1Included() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/index.html")
        for repo in ["sigma-devices/torch-sigma", "northwind-ai/nw-accel", "quiet-labs/torch-quiet"] {
            #expect(html.contains("href=\"\(repo)/index.html\""), "\(repo)")
            #expect(
                FileManager.default.fileExists(
                    atPath: site.output.appendingPathComponent("oot/\(repo)/index.html").path))
        }
    }
}

/// Issue #15, honest counts on a backend page: every card says its window, nothing is green
/// without data, and the badge's count is explained next to the Failures card's.
@Suite struct BackendCardTests {
    @Test func everyCardSaysItsWindow() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/acme-silicon/torch-npu/index.html")
        let details = html.components(separatedBy: "<div class=\"card-detail\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(details.count == 7)
        for detail in details {
            #expect(detail.hasSuffix("last 7 days") || detail.hasSuffix("last 30 days"), "\(detail)")
        }
        #expect(details.last == "failed, then passed on a rerun, last 30 days")
        #expect(html.contains("The badge counts the jobs failing in their latest attempt on the 10 most recent PRs"))
    }

    @Test func aBackendWithoutDataHasNoGreenCardAndSaysItNeverReported() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/quiet-labs/torch-quiet/index.html")
        #expect(!html.contains("class=\"card good\""))
        #expect(html.contains("Never reported: registered at L2, but no callback has arrived from this backend."))
    }
}
