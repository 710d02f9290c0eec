import Foundation

/// What one fold pass did.
public struct FoldSummary: Sendable, Equatable {
    /// Callbacks applied to `oot_workflow_job`.
    public var applied = 0
    /// Callbacks that could not be extracted (recorded in `fold_errors`, skipped).
    public var failed = 0
    /// Callbacks that changed nothing (a replay of a callback already applied).
    public var unchanged = 0
    /// The watermark after the pass: the id of the last callback considered.
    public var watermark: Int64 = 0
    /// The `dynamoKey`s whose rows were written.
    public var changedKeys: Set<String> = []

    /// Creates an empty summary.
    public init() {}
}
