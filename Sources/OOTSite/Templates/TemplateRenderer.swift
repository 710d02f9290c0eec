import Foundation
import Mustache

/// Loads the Mustache templates from `templates/` and renders view models with them.
///
/// Templates stay dumb: every page's HTML is in `templates/` (repeated fragments in
/// `templates/partials/`), none is built in Swift. swift-mustache escapes `{{x}}` for HTML;
/// the one `{{{x}}}` is `pr.mustache`'s `commentHTML`, which is libcmark's output
/// (``Markdown/html(_:)``, raw HTML in the Markdown disabled), never a payload or XML string.
/// `comment.md` is Markdown (`{{% CONTENT_TYPE: TEXT}}`); the HTML templates and partials say
/// `{{% CONTENT_TYPE: HTML}}`, which reads as our ``HTML/Escaper`` (the same output, over bytes).
public struct TemplateRenderer: Sendable {
    /// Templates the build needs.
    public static let required = [
        "layout", "index", "summary", "backend", "scheduled", "flaky", "test", "test-across", "pr", "job", "comment.md",
        "feed.xml",
        "badge.svg",
    ]

    private let library: MustacheLibrary

    /// Loads every `*.mustache` file under `directory`.
    ///
    /// - Throws: ``TemplateError`` when the folder is missing, a required template is absent,
    ///   or a template does not parse.
    public init(directory: String) async throws {
        // Before parsing: a template's `{{% CONTENT_TYPE: HTML}}` is resolved when it is read.
        MustacheContentTypes.register(HTML.Escaper(), named: "HTML")
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch let error as MustacheLibrary.ParserError {
            throw TemplateError(template: error.filename, reason: "\(error.error) at line \(error.context.lineNumber)")
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw TemplateError(template: name, reason: "missing \(directory)/\(name).mustache")
        }
        // swift-mustache renders an unknown partial as nothing: a misspelt name would silently
        // drop part of every page, so each `{{> name}}` must name a loaded template.
        for (template, partial) in try Self.partials(in: directory) where library.getTemplate(named: partial) == nil {
            throw TemplateError(template: template, reason: "no partial named \(partial) (\(partial).mustache)")
        }
    }

    /// Every `{{> name}}` in the `*.mustache` files under `directory`, with the template (its
    /// path without the extension) that names it.
    ///
    /// - Throws: ``TemplateError`` when a template cannot be read.
    static func partials(in directory: String) throws(TemplateError) -> [(template: String, partial: String)] {
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [(String, String)] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            let text: String
            do {
                text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            } catch {
                throw TemplateError(template: name, reason: "cannot read it: \(error.localizedDescription)")
            }
            for match in text.matches(of: /\{\{>\s*([^\s}*]+)\s*\}\}/) { found.append((name, String(match.1))) }
        }
        return found
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
