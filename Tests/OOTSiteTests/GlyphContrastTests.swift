import Foundation
import OOTTestSupport
import Testing

/// Issue 15 item 5: every matrix glyph colour reaches WCAG AA (4.5:1) against the cell background,
/// plain and hovered, in the light theme and in `prefers-color-scheme: dark`, read from
/// `templates/assets/style.css` as the browser would (the last rule wins, `var()` resolved).
@Suite struct GlyphContrastTests {
    /// The glyph classes of the matrix legend: success, failure, pending, flaky, success with
    /// failed tests, grey (skipped, lost, no conclusion, unknown).
    static let glyphClasses = ["gs", "gf", "gp", "gk", "gw", "gg"]

    @Test func everyGlyphReachesAAInBothThemes() throws {
        let css = try String(
            contentsOf: Fixtures.root.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        let sheet = Stylesheet(css)
        for (theme, variables) in [("light", sheet.variables(dark: false)), ("dark", sheet.variables(dark: true))] {
            for glyph in Self.glyphClasses {
                let color = try #require(sheet.color(ofClass: glyph), ".\(glyph) has no color")
                let foreground = try #require(Stylesheet.resolve(color, variables), "\(theme) .\(glyph): \(color)")
                for background in ["--bg", "--row-hover"] {
                    let back = try #require(variables[background].flatMap { Stylesheet.resolve($0, variables) })
                    let ratio = try #require(Self.contrast(foreground, back))
                    #expect(
                        ratio >= 4.5,
                        "\(theme) .\(glyph) \(foreground) on \(background) \(back): \(String(format: "%.2f", ratio)):1")
                }
            }
        }
    }

    @Test func theContrastFormulaMatchesWCAG() {
        #expect(abs((Self.contrast("#000000", "#ffffff") ?? 0) - 21) < 0.01)
        #expect(abs((Self.contrast("#777777", "#ffffff") ?? 0) - 4.48) < 0.01)
        #expect(abs((Self.contrast("#4caf50", "#ffffff") ?? 0) - 2.78) < 0.01, "the old success green")
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours, or `nil` when one is not in that form.
    static func contrast(_ a: String, _ b: String) -> Double? {
        func luminance(_ hex: String) -> Double? {
            let digits = hex.dropFirst()
            guard hex.hasPrefix("#"), digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
            let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        guard let la = luminance(a.lowercased()), let lb = luminance(b.lowercased()) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

/// Just enough of a CSS reader for the contrast check: rules in order, with the `@media` block
/// each sits in.
struct Stylesheet {
    struct Rule {
        let media: String?
        let selectors: [String]
        let declarations: [(String, String)]
    }

    let rules: [Rule]

    init(_ text: String) {
        let uncommented = text.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        rules = Self.parse(Substring(uncommented), media: nil)
    }

    private static func parse(_ text: Substring, media: String?) -> [Rule] {
        var rules: [Rule] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            let prelude = text[index..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            var depth = 0
            var close = open
            for position in text[open...].indices {
                if text[position] == "{" { depth += 1 }
                if text[position] == "}" { depth -= 1 }
                if depth == 0 {
                    close = position
                    break
                }
            }
            let body = text[text.index(after: open)..<close]
            if prelude.hasPrefix("@media") {
                rules += parse(body, media: prelude)
            } else {
                let declarations = body.split(separator: ";").compactMap { part -> (String, String)? in
                    guard let colon = part.firstIndex(of: ":") else { return nil }
                    return (
                        part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines),
                        part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                    )
                }
                rules.append(
                    Rule(
                        media: media,
                        selectors: prelude.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                        declarations: declarations))
            }
            index = text.index(after: close)
        }
        return rules
    }

    /// The custom properties of `:root` in the light theme, or with the dark theme's on top.
    func variables(dark: Bool) -> [String: String] {
        var out: [String: String] = [:]
        for rule in rules where rule.selectors == [":root"] {
            guard rule.media == nil || (dark && rule.media!.contains("prefers-color-scheme: dark")) else { continue }
            for (name, value) in rule.declarations where name.hasPrefix("--") { out[name] = value }
        }
        return out
    }

    /// The `color` of the last rule (outside `@media`) whose selectors include `.name` alone.
    func color(ofClass name: String) -> String? {
        rules.last {
            $0.media == nil && $0.selectors.contains("." + name) && $0.declarations.contains { $0.0 == "color" }
        }?
        .declarations.last { $0.0 == "color" }?.1
    }

    /// `value` with `var(--x)` resolved (nested too); `nil` when a variable is missing.
    static func resolve(_ value: String, _ variables: [String: String]) -> String? {
        var current = value
        for _ in 0..<8 {
            guard current.hasPrefix("var("), current.hasSuffix(")") else { return current }
            let name = String(current.dropFirst(4).dropLast()).trimmingCharacters(in: .whitespaces)
            guard let next = variables[name] else { return nil }
            current = next
        }
        return nil
    }
}
