import OOTCore

/// The static A–Z index that the search box is without JavaScript (docs/search.md):
/// `search/` lists every backend and links a page per letter; `search/<letter>/` lists the
/// failing tests (those with a page across backends: a history page on some backend) whose name
/// starts with that letter, ``perPage`` to a page (`search/<letter>/<n>/` after the first).
///
/// A test's letter is the first letter of its name's first word other than `test`/`tests`
/// (``SearchWords``): `test_fn_grad` is under F; names starting with a digit or another script
/// are under `other`.
struct SearchPage: Encodable {
    /// A backend on the index page.
    struct Backend: Encodable {
        let repo: String
        let href: String
        let level: LevelChip
    }

    /// A failing test.
    struct Test: Encodable {
        let name: String
        let classname: String
        let href: String
        /// The backends where it has a history page, `, `-separated.
        let failingOn: String
    }

    let page: PageChrome
    let heading: String
    /// The index page lists backends; a letter page lists tests.
    let isIndex: Bool
    /// A tab per letter (``labels``).
    let letters: [Tab]
    let backends: [Backend]
    let tests: [Test]
    let hasTests: Bool
    /// Links to the previous and next page of the letter, if any.
    let previous: String?
    let next: String?
    /// "1–500 of 1,234" when the letter has more than one page.
    let range: String?
    /// The page's directory (`search/f/2`).
    @NotEncoded var directory: String

    /// A page of the index: the index page (`search`, listing `backends`) or a letter's page
    /// (listing `tests`).
    init(
        page: PageChrome, heading: String, letters: [Tab], backends: [Backend], tests: [Test], previous: String?,
        next: String?, range: String?, directory: String
    ) {
        self.page = page
        self.heading = heading
        isIndex = !backends.isEmpty || directory == "search"
        self.letters = letters
        self.backends = backends
        self.tests = tests
        hasTests = !tests.isEmpty
        self.previous = previous
        self.next = next
        self.range = range
        self.directory = directory
    }

    /// Tests per letter page.
    static let perPage = 500

    /// The letter (`a`…`z`, or `other`) a test is listed under.
    static func letter(of test: TestIdentity) -> String {
        let word = SearchWords.words(test.name).first { $0 != "test" && $0 != "tests" } ?? ""
        guard let first = word.unicodeScalars.first, ("a"..."z").contains(first) else { return "other" }
        return String(first)
    }

    /// Each letter's tests with the backends they fail on, by letter (``letter(of:)``).
    private static func byLetter(_ history: [String: Set<TestIdentity>]) -> [String: [(TestIdentity, String)]] {
        var failingOn: [TestIdentity: [String]] = [:]
        for (repo, tests) in history {
            for test in tests { failingOn[test, default: []].append(repo) }
        }
        var letters: [String: [(TestIdentity, String)]] = [:]
        for (test, repos) in failingOn {
            letters[letter(of: test), default: []].append((test, repos.sorted().joined(separator: ", ")))
        }
        for key in letters.keys {
            letters[key]?.sort { ($0.0.name, $0.0.classname) < ($1.0.name, $1.0.classname) }
        }
        return letters
    }

    /// A digest of what each letter's pages list (tests, their classnames and backends), by
    /// letter: an incremental build rewrites the letters whose digest differs from the
    /// published one.
    static func digests(history: [String: Set<TestIdentity>]) -> [String: String] {
        let letters = byLetter(history)
        var digests: [String: String] = [:]
        for label in labels {
            let text = (letters[label] ?? []).map { "\($0.0.classname)\u{1F}\($0.0.name)\u{1F}\($0.1)" }
            digests[label] = SitePaths.hash(text.joined(separator: "\u{1E}")) + String(text.count)
        }
        return digests
    }

    /// The letters, in tab order: `a`…`z`, then `other`.
    static let labels = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) } + ["other"]

    /// Pages of the index: `search/` when `index`, then the pages of each of `letters`.
    ///
    /// - Parameters:
    ///   - backends: Every backend (``PageSource/backends()``); those without a page are left out.
    ///   - history: Per backend, the tests with a history page there.
    ///   - letters: The letters (``labels``) whose pages to build.
    /// - Throws: ``SQLiteError`` from a path lookup.
    static func pages(
        index: Bool, letters wanted: Set<String>, backends: [BackendInfo], history: [String: Set<TestIdentity>],
        paths: SitePaths, context: SiteContext
    ) throws -> [SearchPage] {
        let byLetter = byLetter(history)
        func letters(current: String?, from directory: String) -> [Tab] {
            let links = PageLinks(directory: directory, paths: paths)
            return labels.map { Tab(label: $0, href: links.page("search/\($0)"), current: $0 == current) }
        }
        var listed: [Backend] = []
        for backend in backends {
            guard let home = try paths.backendDirectory(backend.repo) else { continue }
            listed.append(
                Backend(
                    repo: backend.repo, href: PageLinks(directory: "search", paths: paths).page(home),
                    level: LevelChip(backend.level)))
        }
        var pages: [SearchPage] = []
        if index {
            pages.append(
                SearchPage(
                    page: PageChrome(title: "Search · OOT HUD", directory: "search", context: context),
                    heading: "Backends and failing tests, A–Z", letters: letters(current: nil, from: "search"),
                    backends: listed.sorted { $0.repo.lowercased() < $1.repo.lowercased() }, tests: [], previous: nil,
                    next: nil, range: nil, directory: "search"))
        }
        for label in labels where wanted.contains(label) {
            let tests = byLetter[label] ?? []
            let count = max(1, (tests.count + perPage - 1) / perPage)
            func directory(_ n: Int) -> String { n == 1 ? "search/\(label)" : "search/\(label)/\(n)" }
            for n in 1...count {
                let here = directory(n)
                let links = PageLinks(directory: here, paths: paths)
                let slice = tests.dropFirst((n - 1) * perPage).prefix(perPage)
                pages.append(
                    SearchPage(
                        page: PageChrome(
                            title: "Failing tests: \(label.uppercased()) · OOT HUD", directory: here, context: context),
                        heading: "Failing tests: \(label == "other" ? "other" : label.uppercased())",
                        letters: letters(current: label, from: here), backends: [],
                        tests: slice.map { test, failingOn in
                            Test(
                                name: test.name, classname: test.classname,
                                href: links.page(
                                    SitePaths.crossBackendTestDirectory(classname: test.classname, name: test.name)),
                                failingOn: failingOn)
                        },
                        previous: n > 1 ? links.page(directory(n - 1)) : nil,
                        next: n < count ? links.page(directory(n + 1)) : nil,
                        range: count > 1
                            ? "\((n - 1) * perPage + 1)–\((n - 1) * perPage + slice.count) of \(tests.count)" : nil,
                        directory: here))
            }
        }
        return pages
    }
}
