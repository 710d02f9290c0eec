import Foundation
import Mustache

/// Turns an `Encodable` view model into the plain tree Mustache reads fastest: objects that
/// answer names by dictionary lookup (`MustacheParent`), lists (`MustacheSequence`), and
/// ``TemplateText``/`Int`/`Double`/`Bool` leaves, built in one pass.
///
/// Without it, every `{{name}}` is resolved by `Mirror` reflection over the model's fields, which
/// profiling showed to be 60 % of render time.
///
/// A `nil` optional is kept as `NSNull`, which swift-mustache reads as absent (`{{x}}` writes
/// nothing, `{{#x}}` skips, `{{^x}}` renders), but which ends the lookup at its own object instead
/// of searching every enclosing object for the name; keys follow the `Encodable` conformance (the
/// same names `index.json` uses, where `nil` stays left out).
enum TemplateTree {
    /// The tree of `value`.
    ///
    /// - Throws: Whatever the value's `encode(to:)` throws.
    static func of(_ value: any Encodable) throws -> Any {
        try TreeEncoder.node(value, path: [])
    }

    /// Leaves kept as they are; strings made ``HTML/visible(_:)`` (no control characters or
    /// bidirectional overrides reach a page).
    fileprivate static func leaf(_ value: Any) -> Any? {
        switch value {
        case let text as String: return TemplateText(HTML.visible(text))
        case is Bool, is Int, is Int64, is Int32, is UInt, is UInt64, is Double, is Float: return value
        default: return nil
        }
    }

}

/// An object of the tree: its fields by name.
private final class ObjectBox: MustacheParent {
    var entries: [String: Any] = [:]
    func child(named name: String) -> Any? { entries[name] }
}

/// A list of the tree.
private final class ArrayBox: MustacheSequence {
    var items: [Any] = []
    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
}

/// An `Encoder` writing into ``ObjectBox``/``ArrayBox`` nodes.
///
/// It stands in the tree itself only for a `superEncoder`, answering names from what was
/// encoded into it.
private final class TreeEncoder: Encoder, MustacheParent {
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

    /// A leaf, or the object or list `value` encodes to (an empty object when it encodes nothing).
    static func node(_ value: any Encodable, path: [any CodingKey]) throws -> Any {
        if let leaf = TemplateTree.leaf(value) { return leaf }
        let encoder = TreeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.storage ?? ObjectBox()
    }

    func child(named name: String) -> Any? { (storage as? ObjectBox)?.entries[name] }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws {
        object.entries[key.stringValue] = TemplateText(HTML.visible(value))
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.entries[key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.entries[key.stringValue] = try TreeEncoder.node(value, path: codingPath + [key])
    }

    // `nil` is stored as `NSNull` (see ``TemplateTree``); synthesized conformances call these.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        object.entries[key.stringValue] = value.map { TemplateText(HTML.visible($0)) } ?? NSNull()
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        object.entries[key.stringValue] = value ?? NSNull()
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        object.entries[key.stringValue] = value ?? NSNull()
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        object.entries[key.stringValue] = value ?? NSNull()
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        object.entries[key.stringValue] = value ?? NSNull()
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else {
            object.entries[key.stringValue] = NSNull()
            return
        }
        try encode(value, forKey: key)
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
