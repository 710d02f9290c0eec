import Foundation
import OOTCore

/// The site root `index.html`: a link (and meta refresh) to the summary, so opening the output
/// folder from `file://` lands somewhere useful.
struct IndexPage {
    let page = PageChromeStatic(title: "OOT HUD", root: "")
}

/// Chrome for pages that need no context.
struct PageChromeStatic {
    let title: String
    let root: String
}
