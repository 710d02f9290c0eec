import Foundation
import OOTTestSupport
import Testing

/// Issue #15: on a 390 px phone no page of the demo is wider than the screen.
///
/// Every page is opened
/// in headless chromium through Selenium (`scripts/phone-width.py`, Debian's chromium,
/// chromium-driver and python3-selenium from `scripts/setup`).
@Suite struct PhoneWidthTests {
    @Test func noDemoPageIsWiderThanA390PixelScreen() async throws {
        let site = try await DemoSite.shared()
        let (status, output) = try Python.run([
            Fixtures.root.appendingPathComponent("scripts/phone-width.py").path, site.output.path, "--width", "390",
        ])
        #expect(status == 0, "\(output)")
        #expect(output.contains("none wider than the viewport"), "\(output)")
    }
}
