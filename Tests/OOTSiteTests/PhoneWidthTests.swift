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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            Fixtures.root.appendingPathComponent("scripts/phone-width.py").path, site.output.path, "--width", "390",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("none wider than the viewport"), "\(output)")
    }
}
