import Foundation

/// A parsed JSON document, kept as a tree so callback fields of the wrong type can be
/// reported precisely instead of failing a whole `Codable` decode.
///
/// Integers that fit in `Int64` decode as ``integer(_:)``; every other number is ``double(_:)``.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or `nil` when this is not an object or has no such key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// `true` for JSON `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// A short name of the JSON type, for error messages ("a number", "an object", ...).
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The numeric value as `Double`, for `.integer` and `.double`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The value as an exact integer: `.integer`, or a `.double` with no fractional part.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: Int64(d)
        default: nil
        }
    }

    /// Parses `data` as one JSON document (Foundation's `JSONSerialization`).
    ///
    /// - Parameters:
    ///   - data: UTF-8 JSON text.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted. Deeper documents are
    ///     refused before decoding, so a body of a million `[` cannot exhaust the stack.
    /// - Throws: ``JSONValueError`` when the text is not JSON or nests deeper than `maxDepth`.
    public static func parse(_ data: Data, maxDepth: Int = 64) throws(JSONValueError) -> JSONValue {
        let depth = nestingDepth(of: data)
        if depth > maxDepth {
            throw .tooDeep(maxDepth)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let nsError = error as NSError
            throw .malformed(nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription)
        }
        return JSONValue(foundation: object)
    }

    /// Converts what `JSONSerialization` returns.
    ///
    /// Booleans and numbers both arrive as `NSNumber`; the Objective-C type code tells them apart
    /// (`c` is a boolean, `d`/`f` a floating-point number).
    init(foundation object: Any) {
        switch object {
        case let string as String:
            self = .string(string)
        case let dictionary as [String: Any]:
            self = .object(dictionary.mapValues(JSONValue.init(foundation:)))
        case let array as [Any]:
            self = .array(array.map(JSONValue.init(foundation:)))
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "d", "f": self = .double(number.doubleValue)
            default: self = .integer(number.int64Value)
            }
        default:
            self = .null
        }
    }

    /// The deepest `[`/`{` nesting in `data`, ignoring brackets inside strings.
    ///
    /// Linear, no allocation.
    static func nestingDepth(of data: Data) -> Int {
        data.withUnsafeBytes { bytes in nestingDepth(of: bytes) }
    }

    static func nestingDepth(of bytes: UnsafeRawBufferPointer) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
