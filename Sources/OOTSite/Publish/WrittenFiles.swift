/// What one or more ``SiteWriter``s did, as a value: parallel render workers each write with
/// their own writer and hand this back to be merged.
public struct WrittenFiles: Sendable, Equatable {
    /// Files written because they were new or changed.
    public var written = 0
    /// Files left alone because their bytes were identical.
    public var unchanged = 0
    /// Every relative path produced.
    public var paths: Set<String> = []
    /// Relative paths written (new or changed) or removed, in order.
    public var changed: [String] = []

    /// Nothing written yet.
    public init() {}

    /// Adds `other`'s counts and paths (workers write disjoint paths).
    public mutating func add(_ other: WrittenFiles) {
        written += other.written
        unchanged += other.unchanged
        paths.formUnion(other.paths)
        changed += other.changed
    }
}
