/// The level toggle of the trunk grid (issue 18, spec §9.4): L4 backends by default, as the main
/// HUD shows them; L3 and then L2 added behind a toggle that works without JavaScript, each view
/// a pre-rendered page tree of its own (`oot/trunk/`, `oot/trunk/l3/`, `oot/trunk/l2/`), as the
/// summary's time ranges are.
///
/// Every view has the same rows and pages: only the backend columns differ, so the toggle keeps
/// the page being read.
enum TrunkView: String, CaseIterable, Sendable {
    /// L4 (merge-gating) backends only: the default, `oot/trunk/`.
    case l4
    /// L4 and L3: upstream's "Hide non-viable-strict jobs" unchecked, `oot/trunk/l3/`.
    case l3
    /// L4, L3 and L2 (and backends of unknown level, shown as L2): `oot/trunk/l2/`.
    case l2

    /// The view's home directory under the site root.
    var directory: String { self == .l4 ? Self.root : Self.root + "/" + rawValue }

    /// The default view's directory, `oot/trunk`.
    static let root = "oot/trunk"

    /// The toggle's label.
    var label: String {
        switch self {
        case .l4: "L4"
        case .l3: "L4 + L3"
        case .l2: "L4 + L3 + L2"
        }
    }

    /// Whether a backend of `level` (`L1`…`L4`, or empty) has a column in this view; L1
    /// backends never report results (spec §10), an unknown level counts as L2 (TI-HEAD's
    /// default).
    func includes(level: String) -> Bool {
        switch level {
        case "L4": true
        case "L3": self != .l4
        case "L1": false
        default: self == .l2
        }
    }

    /// The levels it shows, highest first (`["L4", "L3"]`).
    var levels: [String] {
        switch self {
        case .l4: ["L4"]
        case .l3: ["L4", "L3"]
        case .l2: ["L4", "L3", "L2"]
        }
    }

    /// The smallest view that shows a backend of `level` (where a red L3 backend is shown).
    static func narrowest(showing level: String) -> TrunkView? { allCases.first { $0.includes(level: level) } }
}
