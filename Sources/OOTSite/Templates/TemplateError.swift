import Mustache

/// A template could not be loaded or rendered.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    /// The template's name or file.
    public let template: String
    /// What went wrong.
    public let reason: String
    public var description: String { "template \(template): \(reason)" }
}
