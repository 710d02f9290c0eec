/// A build stage failed: the stage's name and the cause.
///
/// The published site is then the previous one, untouched (the scratch tree is never switched
/// to). Stages: `fold`, `harvest`, `index`, `plan`, `render`, `publish` (and `load` for the
/// templates, allowlist and output folder read before them).
public struct BuildStageError: Error, CustomStringConvertible {
    /// The stage's name.
    public let stage: String
    /// The cause: `SQLiteError`, ``QueryError``, ``QueryRowError``, ``RenderError``,
    /// ``TemplateError``, ``AllowlistError`` or ``SiteWriterError``.
    public let underlying: any Error

    public var description: String { "\(stage) stage: \(underlying)" }
}
