import Foundation

/// Turns an `Encodable` view model into the plain tree Mustache reads fastest: `[String: Any]`
/// dictionaries (which swift-mustache looks up by key), arrays, and `String`/`Int`/`Double`/`Bool`
/// leaves.
///
/// Without it, every `{{name}}` is resolved by `Mirror` reflection over the model's fields, which
/// profiling showed to be 60 % of render time.
///
/// `nil` optionals are left out, exactly as reflection sees them (a missing key), so templates
/// behave the same; keys follow the `Encodable` conformance (the same names `index.json` uses).
enum TemplateTree {
    /// The tree of `value`.
    ///
    /// - Throws: Whatever the value's `encode(to:)` throws.
    static func of(_ value: any Encodable) throws -> Any {
        if let leaf = leaf(value) { return leaf }
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return resolve(encoder)
    }

    /// Leaves kept as they are; strings made ``HTML/visible(_:)`` (no control characters or
    /// bidirectional overrides reach a page).
    fileprivate static func leaf(_ value: Any) -> Any? {
        switch value {
        case let text as String: return HTML.visible(text)
        case is Bool, is Int, is Int64, is Int32, is UInt, is UInt64, is Double, is Float: return value
        default: return nil
        }
    }

    /// Replaces the encoder's mutable boxes by plain values, recursively.
    fileprivate static func resolve(_ node: Any) -> Any {
        switch node {
        case let object as ObjectBox: return object.entries.mapValues(resolve)
        case let array as ArrayBox: return array.items.map(resolve)
        case let encoder as TreeEncoder: return encoder.storage.map(resolve) ?? [String: Any]()
        default: return node
        }
    }
}

private final class ObjectBox { var entries: [String: Any] = [:] }
private final class ArrayBox { var items: [Any] = [] }

/// An `Encoder` writing into ``ObjectBox``/``ArrayBox`` nodes.
private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    /// An ``ObjectBox``, an ``ArrayBox`` or a leaf, once something was encoded.
    var storage: Any?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = storage as? ObjectBox ?? ObjectBox()
        storage = object
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array = storage as? ArrayBox ?? ArrayBox()
        storage = array
        return UnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// A leaf, or a nested encoder for anything else.
    static func node(_ value: some Encodable, path: [any CodingKey]) throws -> Any {
        if let leaf = TemplateTree.leaf(value) { return leaf }
        let encoder = TreeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws {
        object.entries[key.stringValue] = HTML.visible(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.entries[key.stringValue] = try TreeEncoder.node(value, path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = ObjectBox()
        object.entries[key.stringValue] = child
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ArrayBox()
        object.entries[key.stringValue] = child
        return UnkeyedContainer(array: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = TreeEncoder(codingPath: codingPath + [key])
        object.entries[key.stringValue] = encoder
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(NSNull()) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try TreeEncoder.node(value, path: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = ObjectBox()
        array.items.append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = ArrayBox()
        array.items.append(child)
        return UnkeyedContainer(array: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder(codingPath: codingPath)
        array.items.append(encoder)
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let leaf = TemplateTree.leaf(value) {
            encoder.storage = leaf
        } else {
            try value.encode(to: encoder)
        }
    }
}
