import Foundation
import Testing

@testable import OOTSite

/// The fragments rendered in Swift for speed escape exactly as Mustache's `{{x}}` does, and
/// untrusted names in them never become markup.
@Suite struct FragmentTests {
    @Test func escapingMatchesMustache() async throws {
        let text = "<a href=\"x\">'Tom & Jerry'</a> ünïcode ✓"
        #expect(HTML.escape(text) == "&lt;a href=&quot;x&quot;&gt;&#39;Tom &amp; Jerry&#39;&lt;/a&gt; ünïcode ✓")
        #expect(HTML.escape("plain") == "plain")
        // The same string through a Mustache template.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oot-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in TemplateRenderer.required {
            try "{{x}}".write(
                to: directory.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        let renderer = try await TemplateRenderer(directory: directory.path)
        #expect(try renderer.render(["x": text], "index") == HTML.escape(text))
    }

    @Test func hostileNamesInFragmentsStayText() async throws {
        let evil = "<script>alert(1)</script>\"'"
        let site = try await SyntheticSite.build([
            SyntheticSite.Job(
                pr: 9, workflow: evil, name: evil, conclusion: "failure",
                junit: SyntheticSite.junit([
                    (
                        "evil.Case.\(evil.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;"))",
                        "failure"
                    )
                ]),
                checkRunID: 9901)
        ])
        for page in [
            "oot/synth-org/torch-synth/index.html", "pr/9/index.html", "oot/synth-org/torch-synth/job/9901/index.html",
        ] {
            let html = try site.page(page)
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
        }
    }
}
