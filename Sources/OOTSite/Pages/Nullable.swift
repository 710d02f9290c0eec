/// An optional field of a versioned data document (`oot-hud/pr/v1`, `oot-hud/trunk/v1`) written
/// as `null` when it has no value, so a bot can rely on the shape: a synthesized `Encodable`
/// conformance leaves a `nil` optional out.
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    /// Writes the value, or `null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
