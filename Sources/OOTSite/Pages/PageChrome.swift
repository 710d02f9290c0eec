import OOTCore

/// What the layout template needs on every page.
struct PageChrome: Sendable, Encodable {
    /// The `<title>`.
    let title: String
    /// Relative prefix from the page to the site root (`../../`), so the site works from `file://`.
    let root: String
    /// When the data was taken, for the footer.
    let asOf: String
    /// The pages describe a fixed instant (see ``SiteContext/snapshot``).
    let snapshot: Bool

    /// Chrome for a page at `directory` (for example `oot/org/repo`), whose file is
    /// `directory/index.html`.
    init(title: String, directory: String, context: SiteContext) {
        self.title = title
        self.root = String(repeating: "../", count: directory.split(separator: "/").count)
        self.asOf = Format.absolute(context.now)
        self.snapshot = context.snapshot
    }
}
