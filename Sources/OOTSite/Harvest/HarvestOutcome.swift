import Foundation
import OOTCore
import OOTJUnit

/// The state recorded for a job's artifact: the worst state over its files.
struct HarvestOutcome {
    enum State: String {
        case ok, parseError = "parse_error", notJUnit = "not_junit", rejected, unavailable, fetchError = "fetch_error"

        var rank: Int {
            switch self {
            case .ok: 0
            case .notJUnit: 1
            case .parseError: 2
            case .rejected: 3
            case .unavailable: 4
            case .fetchError: 5
            }
        }
    }

    var state = State.ok
    var errors: [String] = []

    mutating func add(_ report: JUnitReport, file: String?) {
        let s = State(rawValue: report.state.rawValue) ?? .parseError
        if s.rank > state.rank { state = s }
        if let error = report.error { errors.append(file.map { "\($0): \(error)" } ?? error) }
    }
}
