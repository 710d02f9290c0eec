import OOTCore

/// Reads one result row of a saved query into a `Decodable` row type.
///
/// A property reads the column of its name, or of its name in snake case (`prNumber` reads
/// `pr_number`, `dynamoKey` reads `dynamoKey`). A column the query does not return throws, for an
/// optional property too: a renamed or dropped column fails the build naming the query and the
/// column, never turns into `""`, `0` or `nil`. `NULL` reads as `nil` into an optional and throws
/// into anything else. Types: `String` from text; `Int`/`Int64` from integers (and reals without a
/// fraction); `Double` from reals or integers; `Bool` from the integers 0 and 1.
///
/// Columns are read from the statement's current row when a property asks for them (the job
/// listings select 30 columns; a row type may read 20), never copied into an array first.
struct RowDecoder: Decoder {
    let query: String
    let columns: ColumnIndex
    /// The statement, stepped onto the row being read.
    let statement: SQLiteStatement
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw QueryRowError(query: query, column: "", reason: "a row decodes into a struct of named columns")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw QueryRowError(query: query, column: "", reason: "a row decodes into a struct of named columns")
    }

    /// The value of the column `key` reads, or a ``QueryRowError`` when the query has no such column.
    func value(_ key: any CodingKey) throws(QueryRowError) -> (column: Int, value: SQLiteValue) {
        guard let index = columns.index(of: key.stringValue) else {
            throw QueryRowError(
                query: query, column: ColumnIndex.snakeCase(key.stringValue),
                reason: "missing: the query returns \(columns.names.joined(separator: ", "))")
        }
        return (index, statement.column(Int32(index)))
    }
}

/// The columns of a query's result, looked up by property name (exactly, or in snake case), with
/// the lookups cached: a row type's keys are resolved once per query, not once per row.
final class ColumnIndex {
    /// The result's column names, in order.
    let names: [String]
    private var byName: [String: Int]
    private var resolved: [String: Int?] = [:]

    init(_ names: [String]) {
        self.names = names
        byName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of the column a property named `key` reads, or `nil`.
    func index(of key: String) -> Int? {
        if let cached = resolved[key] { return cached }
        let found = byName[key] ?? byName[Self.snakeCase(key)]
        resolved[key] = found
        return found
    }

    /// `prNumber` → `pr_number`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// A row's columns as a keyed container.
private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RowDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { decoder.columns.names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { decoder.columns.index(of: key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder.value(key).value == .null }

    private func fail(_ column: Int, _ value: SQLiteValue, _ expected: String) -> QueryRowError {
        let found: String
        switch value {
        case .null: found = "NULL"
        case .integer(let i): found = "the integer \(i)"
        case .real(let d): found = "the real \(d)"
        case .text(let s): found = "the text \"\(s.prefix(40))\""
        case .blob(let b): found = "a blob of \(b.count) bytes"
        }
        return QueryRowError(
            query: decoder.query, column: decoder.columns.names[column], reason: "expected \(expected), found \(found)")
    }

    private func string(_ key: Key) throws -> String? {
        let (column, value) = try decoder.value(key)
        switch value {
        case .null: return nil
        case .text(let s): return s
        default: throw fail(column, value, "text")
        }
    }

    private func integer(_ key: Key) throws -> Int64? {
        let (column, value) = try decoder.value(key)
        switch value {
        case .null: return nil
        case .integer(let i): return i
        case .real(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int64(d)
        default: throw fail(column, value, "an integer")
        }
    }

    private func real(_ key: Key) throws -> Double? {
        let (column, value) = try decoder.value(key)
        switch value {
        case .null: return nil
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: throw fail(column, value, "a number")
        }
    }

    private func boolean(_ key: Key) throws -> Bool? {
        let (column, value) = try decoder.value(key)
        switch value {
        case .null: return nil
        case .integer(0): return false
        case .integer(1): return true
        default: throw fail(column, value, "0 or 1")
        }
    }

    private func required<T>(_ value: T?, _ key: Key, _ expected: String) throws -> T {
        guard let value else {
            throw QueryRowError(
                query: decoder.query, column: ColumnIndex.snakeCase(key.stringValue),
                reason: "expected \(expected), found NULL")
        }
        return value
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(string(key), key, "text") }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(integer(key), key, "an integer") }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { Int(try required(integer(key), key, "an integer")) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(real(key), key, "a number") }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(boolean(key), key, "0 or 1") }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try string(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try integer(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try integer(key).map { Int($0) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try real(key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try boolean(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        throw QueryRowError(
            query: decoder.query, column: ColumnIndex.snakeCase(key.stringValue),
            reason: "\(T.self) is not a column type (String, Int64, Int, Double, Bool)")
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw QueryRowError(query: decoder.query, column: key.stringValue, reason: "a column holds no nested values")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw QueryRowError(query: decoder.query, column: key.stringValue, reason: "a column holds no nested values")
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}
