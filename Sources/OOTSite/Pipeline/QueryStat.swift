import Foundation
import OOTCore

/// The cost of one saved query over a build.
public struct QueryStat: Sendable, Equatable {
    /// The query's folder name.
    public let name: String
    /// Times it ran.
    public let runs: Int
    /// Rows it returned in total.
    public let rows: Int
    /// Seconds spent in it in total (prepare, bind, step).
    public let seconds: Double
}
