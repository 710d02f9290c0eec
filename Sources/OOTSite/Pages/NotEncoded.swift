/// A view-model field that is neither rendered nor written to `index.json`: a value the page
/// builder keeps for its own use (a sort rank, the job row a Markdown summary reads).
///
/// The one way to hide a field. Synthesized `Encodable` conformances skip it through the
/// `KeyedEncodingContainer` overload below, so a model needs no hand-kept `CodingKeys`.
@propertyWrapper
struct NotEncoded<Value: Sendable>: Sendable {
    var wrappedValue: Value

    init(wrappedValue: Value) { self.wrappedValue = wrappedValue }
}

extension NotEncoded: Encodable {
    /// Encodes nothing (reached only when a container does not pick the overload below).
    func encode(to encoder: any Encoder) throws {}
}

extension KeyedEncodingContainer {
    /// Leaves a ``NotEncoded`` field out: no key is written.
    mutating func encode<Value>(_ value: NotEncoded<Value>, forKey key: Key) throws {}
}
