import OOTCore

/// An outlined level chip (spec §9: L1 grey, L2 blue, L3 orange, L4 purple).
struct LevelChip: Sendable, Encodable {
    /// `L2`, or `–` when unknown.
    let text: String
    /// CSS class, for example `level-l2`.
    let cssClass: String

    init(_ level: String) {
        let known = ["L1", "L2", "L3", "L4"].contains(level)
        text = level.isEmpty ? "–" : level
        cssClass = known ? "level-" + level.lowercased() : "level-unknown"
    }
}
