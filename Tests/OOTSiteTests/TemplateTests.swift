import Foundation
import Testing

@testable import OOTSite

/// Templates stay dumb and safe: `{{x}}` escapes for HTML, `{{{ }}}` is used only for cmark's
/// output, no HTML is built in Swift, a misspelt partial fails the load, and untrusted names
/// render as text.
@Suite struct TemplateTests {
    /// A templates folder holding every required template as `body`, plus `extra` files.
    static func templates(_ body: String = "{{x}}", extra: [String: String] = [:]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oot-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        for name in TemplateRenderer.required {
            try body.write(to: directory.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        for (name, text) in extra {
            try text.write(to: directory.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func variablesEscapeForHTML() async throws {
        let renderer = try await TemplateRenderer(directory: try Self.templates().path)
        let text = "<a href=\"x\">'Tom & Jerry'</a> ünïcode ✓"
        #expect(
            try renderer.render(["x": text], "index")
                == "&lt;a href=&quot;x&quot;&gt;&#39;Tom &amp; Jerry&#39;&lt;/a&gt; ünïcode ✓")
    }

    @Test func aMisspeltPartialFailsTheLoadNamingIt() async throws {
        let directory = try Self.templates(extra: ["partials/row": "<td>{{x}}</td>", "job": "{{> partials/rows}}"])
        await #expect(
            throws: TemplateError(template: "job", reason: "no partial named partials/rows (partials/rows.mustache)")
        ) { _ = try await TemplateRenderer(directory: directory.path) }
        let fixed = try Self.templates(extra: ["partials/row": "<td>{{x}}</td>", "job": "{{> partials/row}}"])
        let renderer = try await TemplateRenderer(directory: fixed.path)
        #expect(try renderer.render(["x": "<b>"], "job") == "<td>&lt;b&gt;</td>")
    }

    /// The project's templates and Swift sources.
    static let root = DemoSite.root

    @Test func tripleMustachesOnlyCarryCmarkOutput() throws {
        let directory = Self.root.appendingPathComponent("templates")
        var unescaped: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: directory.path)!
        where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /\{\{(\{|&)\s*([^}\s]+)/) { unescaped.append("\(path): \(match.2)") }
        }
        #expect(unescaped == ["pr.mustache: commentHTML"])
    }

    @Test func noHTMLIsBuiltInSwift() throws {
        let directory = Self.root.appendingPathComponent("Sources/OOTSite")
        var found: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: directory.path)!
        where path.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(/"[^"]*<\/?[a-z]+[ >]/) {
                found.append("\(path):\(n + 1)")
            }
        }
        #expect(found == [])
    }

    @Test func hostileNamesStayText() async throws {
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
