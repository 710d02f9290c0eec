import Mustache

/// Loads the Mustache templates from `templates/` and renders view models with them.
///
/// swift-mustache escapes `{{x}}` for HTML by default; templates use `{{{x}}}` only for HTML
/// that our own code produced (cmark output), never for payload or XML strings.
public struct TemplateRenderer: Sendable {
    /// Templates the build needs.
    public static let required = [
        "layout", "index", "summary", "backend", "scheduled", "flaky", "test", "pr", "job", "comment.md", "feed.xml",
        "badge.svg",
    ]

    private let library: MustacheLibrary

    /// Loads every `*.mustache` file under `directory`.
    ///
    /// - Throws: ``TemplateError`` when the folder is missing, a required template is absent,
    ///   or a template does not parse.
    public init(directory: String) async throws {
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch let error as MustacheLibrary.ParserError {
            throw TemplateError(template: error.filename, reason: "\(error.error) at line \(error.context.lineNumber)")
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw TemplateError(template: name, reason: "missing \(directory)/\(name).mustache")
        }
    }

    /// Renders `model` with template `name`.
    ///
    /// An `Encodable` model is first turned into a plain tree (``TemplateTree``) so lookups avoid
    /// reflection; anything else is read by reflection.
    ///
    /// - Throws: ``TemplateError`` for an unknown template or a model that cannot be encoded.
    public func render(_ model: Any, _ name: String) throws(TemplateError) -> String {
        var context = model
        if let encodable = model as? any Encodable {
            do {
                context = try TemplateTree.of(encodable)
            } catch {
                throw TemplateError(template: name, reason: "cannot prepare the page model: \(error)")
            }
        }
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(template: name, reason: "no such template")
        }
        return text
    }
}
