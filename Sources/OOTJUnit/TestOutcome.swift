/// The outcome of one testcase execution, in increasing precedence: when a `<testcase>`
/// holds several result elements, the highest wins (error > failure > skipped > passed).
public enum TestOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    case passed, skipped, failure, error

    var rank: Int {
        switch self {
        case .passed: 0
        case .skipped: 1
        case .failure: 2
        case .error: 3
        }
    }

    /// `true` for `failure` and `error`.
    public var isFailing: Bool { self == .failure || self == .error }
}
