/// Why an artifact could not be read.
///
/// The harvester records the state and the message; the job page shows them.
enum ArtifactError: Error, Equatable, Sendable {
    /// Refused or absent for good (not allowlisted, private address, 404, outside the roots):
    /// recorded as `unavailable`, not retried.
    case refused(String)
    /// A passing failure (timeout, reset, 5xx, DNS): recorded as `fetch_error`, retried on later
    /// builds up to the limit.
    case retryable(String)
    /// Over a size cap (download or decompressed): recorded as `rejected`.
    case tooLarge(String)
    /// Read, but not JUnit (a log, an image): recorded as `not_junit`.
    case notJUnit(String)

    var message: String {
        switch self {
        case .refused(let m), .retryable(let m), .tooLarge(let m), .notJUnit(let m): m
        }
    }

    /// The `junit_reports.state` recorded for this error.
    var state: String {
        switch self {
        case .refused: "unavailable"
        case .retryable: "fetch_error"
        case .tooLarge: "rejected"
        case .notJUnit: "not_junit"
        }
    }
}
