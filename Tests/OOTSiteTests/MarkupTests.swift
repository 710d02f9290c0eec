import Foundation
import Testing

/// Every generated page parsed by libxml2 (issue #5 "Checks").
@Suite struct MarkupTests {
    @Test func everyPageIsWellFormedHTML() async throws {
        let site = try await DemoSite.shared()
        let pages = site.files().filter { $0.hasSuffix(".html") }
        #expect(pages.count > 90)
        for page in pages {
            let problems = MarkupCheck.htmlProblems(try site.page(page))
            #expect(problems.isEmpty, "\(page): \(problems.prefix(5))")
        }
    }

    @Test func theCheckerCatchesBrokenMarkup() {
        #expect(!MarkupCheck.htmlProblems("<!DOCTYPE html><html><body><div><p>x</span></div></body></html>").isEmpty)
        #expect(
            !MarkupCheck.htmlProblems("<!DOCTYPE html><html><body><tabel></tabel></body></html>").isEmpty,
            "an unknown tag that is not HTML5 is a typo")
        #expect(MarkupCheck.htmlProblems("<!DOCTYPE html><html><body><main><nav></nav></main></body></html>").isEmpty)
        #expect(!MarkupCheck.xmlProblems("<feed><title>a & b</title></feed>").isEmpty)
    }

    @Test func feedsAndBadgesAreWellFormedXML() async throws {
        let site = try await DemoSite.shared()
        let files = site.files().filter { $0.hasSuffix("/feed.xml") || $0.hasSuffix("/badge.svg") }
        #expect(files.count == 15, "a feed and a badge for each of the 7 backends, and the feed of all")
        #expect(files.contains("oot/feed.xml"))
        for file in files {
            let problems = MarkupCheck.xmlProblems(try site.page(file))
            #expect(problems.isEmpty, "\(file): \(problems.prefix(5))")
        }
    }

    @Test func everyHTMLPageHasItsJSONBeside() async throws {
        let site = try await DemoSite.shared()
        let files = Set(site.files())
        for page in files where page.hasSuffix("/index.html") && page != "index.html" {
            let json = String(page.dropLast("index.html".count)) + "index.json"
            #expect(files.contains(json), "\(page) has no index.json")
            if files.contains(json) {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(site.page(json).utf8))) is [String: Any], "\(json)")
            }
        }
    }
}
