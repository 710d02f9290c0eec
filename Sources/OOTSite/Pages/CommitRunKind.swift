/// The runs a backend makes on upstream commits rather than on PRs, each with its own tab and
/// folder under the backend (`trunk/`, `nightly/`, `periodic/`).
///
/// - `trunk`: pushes to upstream `main` (`event_type: "push"`, spec §14.3);
/// - `nightly`, `periodic`: RFC-0056 self-reports (spec §2.3).
enum CommitRunKind: String, CaseIterable, Sendable {
    case trunk
    case nightly
    case periodic

    /// The kind of a job's `event_type`, or `nil` for PR runs and unknown types.
    init?(eventType: String) {
        switch eventType {
        case "push": self = .trunk
        case "nightly": self = .nightly
        case "periodic": self = .periodic
        default: return nil
        }
    }

    /// The `event_type` the relay sends for these runs.
    var eventType: String {
        switch self {
        case .trunk: "push"
        case .nightly, .periodic: rawValue
        }
    }

    /// The tab label: `Trunk`, `Nightly`, `Periodic`.
    var label: String { rawValue.capitalized }

    /// What the rows are, for the page caption.
    var rowsCaption: String {
        switch self {
        case .trunk: "upstream commits pushed to main and built by this backend"
        case .nightly: "upstream commits built by nightly runs"
        case .periodic: "upstream commits built by periodic runs"
        }
    }

    /// The kinds `jobs` hold, in tab order (a row of runs on one upstream commit: `push`, then
    /// `nightly`, `periodic`).
    static func present(in jobs: [JobRow]) -> [CommitRunKind] {
        allCases.filter { kind in jobs.contains { $0.eventType == kind.eventType } }
    }
}
