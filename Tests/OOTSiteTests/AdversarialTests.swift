import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// Issue #7: a site built from `data/samples/adversarial` (every self-reported string hostile,
/// see `scripts/make-adversarial.py`) contains no markup, links or scripts of the attacker's.
@Suite struct AdversarialTests {
    static let samples = DemoSite.root.appendingPathComponent("data/samples/adversarial")

    /// The adversarial site, built once.
    static let shared = Task { () throws -> (URL, BuildReport) in
        let directory = try Fixtures.temporaryDirectory("oot-adversarial")
        let db = directory.appendingPathComponent("oot.sqlite").path
        let batch = try CallbackFiles.read(
            path: samples.appendingPathComponent("callbacks.ndjson").path, receivedAt: .now)
        precondition(batch.rejections.isEmpty, "\(batch.rejections)")
        try CallbackLog(database: OOTDatabase.openForWriting(path: db)).append(batch.entries)
        var options = DemoSite.options(db: db, out: directory.appendingPathComponent("site").path)
        options.harvest = HarvestOptions(artifactRoots: [samples.path])
        options.allowlistPath = nil
        options.now = UTCTimestamp(parsing: "2026-11-28T12:00:00Z")
        let report = try await SiteBuilder.build(options)
        return (directory.appendingPathComponent("site/current").resolvingSymlinksInPath(), report)
    }

    static func files(_ root: URL) -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    @Test func everyCallbackWasAcceptedAndRendered() async throws {
        let (root, report) = try await Self.shared.value
        #expect(report.fold.applied == 56 && report.fold.failed == 0)
        #expect(Self.files(root).filter { $0.hasSuffix(".html") }.count > 60)
    }

    @Test func theSearchIndexScriptsCarryNamesOnlyAsJSONStrings() async throws {
        let (root, _) = try await Self.shared.value
        let scripts = Self.files(root).filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") }
        #expect(scripts.count > 1, "search/index.js and shards")
        for file in scripts {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.lowercased().contains("</script"), "\(file)")
            #expect(text.hasPrefix("OOTSearch.") && text.hasSuffix(");\n"), "\(file): one call")
            #expect(text.split(separator: "\n").count == 1, "\(file): one line")
        }
    }

    @Test func noPageCarriesTheAttackersMarkupOrLinks() async throws {
        let (root, _) = try await Self.shared.value
        for file in Self.files(root) where file.hasSuffix(".html") {
            let html = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(!html.contains("XSS-EXECUTED')</script>"), "\(file): a raw script payload")
            #expect(MarkupCheck.htmlProblems(html).isEmpty, "\(file): \(MarkupCheck.htmlProblems(html).prefix(3))")
            for element in MarkupCheck.elements(html) {
                if element.name == "script" {
                    let source = element.attributes["src"] ?? ""
                    #expect(
                        source.hasSuffix("assets/hud.js") || source.hasSuffix("assets/search.js"),
                        "\(file): a script element")
                }
                #expect(
                    !["svg", "iframe", "object", "embed", "textarea", "form"].contains(element.name)
                        || (element.name == "svg" && ["chart-svg", "spark"].contains(element.attributes["class"])),
                    "\(file): <\(element.name)> (the only SVG is the charts' own)")
                for (name, value) in element.attributes {
                    #expect(!name.hasPrefix("on"), "\(file): event handler \(name)")
                    guard ["href", "src", "action", "formaction", "xlink:href"].contains(name) else { continue }
                    let lower = value.lowercased().trimmingCharacters(in: .whitespaces)
                    let safe =
                        lower.hasPrefix("https://") || lower.hasPrefix("http://")
                        || !(lower.contains(":") && !lower.hasPrefix("#"))  // relative
                    #expect(safe, "\(file): \(name)=\(value.prefix(80))")
                    #expect(!lower.hasPrefix("/"), "\(file): absolute path \(value.prefix(80))")
                }
            }
        }
    }

    @Test func feedsAndBadgesStayWellFormedXML() async throws {
        let (root, _) = try await Self.shared.value
        let xml = Self.files(root).filter { $0.hasSuffix("feed.xml") || $0.hasSuffix("badge.svg") }
        #expect(!xml.isEmpty)
        for file in xml {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            #expect(MarkupCheck.xmlProblems(text).isEmpty, "\(file)")
            #expect(!text.contains("<script"), "\(file)")
        }
    }

    @Test func hostilePathsNeverLeaveTheOutputOrCollide() async throws {
        let (root, _) = try await Self.shared.value
        let files = Self.files(root)
        for file in files {
            #expect(!file.contains(".."), "\(file)")
            #expect(file.utf8.count < 400)
            for segment in file.split(separator: "/") {
                #expect(segment.utf8.count <= 255 && !segment.hasPrefix("."), "\(file)")
            }
        }
        // Case-only different repos get distinct directories, none overwriting the other.
        let backends = Set(
            files.filter { $0.hasPrefix("oot/") && $0.hasSuffix("/index.json") && $0.split(separator: "/").count == 4 })
        #expect(backends.contains("oot/case-org/torch-case/index.json"))
        #expect(backends.filter { $0.hasPrefix("oot/case-org/torch-case") }.count == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned"))
    }
}
