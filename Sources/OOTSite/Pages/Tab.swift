import OOTCore

/// A link in a tab bar or a list of ranges/pages; `current` marks the page being shown.
struct Tab: Sendable, Encodable {
    let label: String
    let href: String
    let current: Bool
}
