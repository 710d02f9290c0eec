import Mustache

/// A string of a view model as the templates see it (``TemplateTree`` wraps every one).
///
/// It renders as its text (escaped by the template's content type, as a `String` would be), but
/// when a section pushes it (`{{#title}}…{{title}}…{{/title}}`), names looked up inside are
/// answered "not here" at once instead of by reflecting over the string, which is how
/// swift-mustache treats a plain `String` on its context stack.
final class TemplateText: MustacheCustomRenderable, MustacheParent {
    /// The text, already made ``HTML/visible(_:)``.
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }

    func child(named: String) -> Any? { nil }
}
