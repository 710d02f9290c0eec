/// Why a generation or append run could not start or could not finish.
///
/// Thrown for a database that already holds callbacks (generation) or holds none to learn from
/// (`--append`), and for a generated body that the endpoint's extraction rejects (a generator bug).
/// SQLite and file-system failures are passed on as their own errors.
public struct SynthError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and for which database, in words (the command prints it as is).
    public let description: String

    /// Creates an error with a message.
    init(_ description: String) { self.description = description }
}
