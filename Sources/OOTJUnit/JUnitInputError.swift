/// A report file could not be opened or read.
public struct JUnitInputError: Error, Equatable, CustomStringConvertible {
    /// What failed, naming the file.
    public let message: String
    public var description: String { message }
}
