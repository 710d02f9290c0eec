import Foundation
import OOTCore
import OOTJUnit

/// What one harvest pass did.
public struct HarvestSummary: Sendable, Equatable {
    /// Jobs whose artifact was read and recorded (whatever its state).
    public var harvested = 0
    /// Of those, reports that were not `ok`.
    public var problems = 0
    /// Artifacts downloaded over HTTP(S).
    public var fetched = 0
    /// Jobs read from the drop folder.
    public var dropped = 0
    /// Testcase rows stored.
    public var testcases = 0

    /// Creates an empty summary.
    public init() {}
}
