/// Captured test output: the text kept (cut at the limit, with a note) and the full size.
public struct CapturedOutput: Sendable, Equatable {
    /// The text kept.
    public var text: String
    /// The size of the whole output in the report, in bytes.
    public var totalBytes: Int

    /// Creates a captured output.
    public init(text: String, totalBytes: Int) {
        self.text = text
        self.totalBytes = totalBytes
    }
}
