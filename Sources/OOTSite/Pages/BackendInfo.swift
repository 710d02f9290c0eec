import OOTCore

/// What the summary and backend pages know about a backend: its level (the allowlist's when it
/// is registered, else the one its latest callback carried, else L2), oncalls, and activity.
struct BackendInfo: Sendable {
    let repo: String
    let level: String
    let oncalls: [String]
    let lastActivity: UTCTimestamp?
    /// Its runs on upstream commits (trunk, nightly, periodic), in tab order.
    let scheduledKinds: [CommitRunKind]
    let hasData: Bool
}

extension Array where Element == BackendInfo {
    /// Each backend's level by repo (`org/repo` → `L1`…`L4`), for pages that label other backends.
    var levelsByRepo: [String: String] { Dictionary(map { ($0.repo, $0.level) }, uniquingKeysWith: { a, _ in a }) }
}
