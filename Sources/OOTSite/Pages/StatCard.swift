import OOTCore

/// A stat card: an uppercase label, a big value, a detail line; `cssClass` colours its top border
/// (`good`, `warn`, `bad`, or a chip class).
struct StatCard: Sendable, Encodable {
    let label: String
    let value: String
    let detail: String
    let cssClass: String
}
