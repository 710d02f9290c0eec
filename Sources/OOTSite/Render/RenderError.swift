/// A page could not be rendered: the build stops naming the page and the cause (a saved query,
/// a template, a path lookup or a write that failed), and the published site stays as it was.
public struct RenderError: Error, CustomStringConvertible {
    /// The page's directory or file in the site (`oot/acme/torch-npu`, `pr/188801`).
    public let page: String
    /// The cause: ``QueryError``, ``QueryRowError``, ``TemplateError``, ``SiteWriterError``,
    /// `SQLiteError` or an encoding error.
    public let underlying: any Error

    public var description: String { "page \(page): \(underlying)" }
}
