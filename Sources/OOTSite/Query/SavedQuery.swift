import Foundation
import OOTCore

/// A saved query as in HUD: `data/queries/<name>/query.sql` plus `params.json`
/// (`{"params": {"days": "UInt64", …}, "tests": [{"days": 7, …}]}`), spec §8.
///
/// Parameters appear in the SQL as `:name`. Declared types: `UInt64`, `Int64`, `Float64`,
/// `String`, and `DateTime64` (canonical UTC text, see ``UTCTimestamp``).
public struct SavedQuery: Sendable {
    /// A declared parameter type.
    public enum ParameterType: String, Sendable {
        case uint64 = "UInt64"
        case int64 = "Int64"
        case float64 = "Float64"
        case string = "String"
        case dateTime = "DateTime64"
    }

    /// The folder name, for example `oot_summary`.
    public let name: String
    /// The SQL text.
    public let sql: String
    /// Declared parameters and their types.
    public let parameters: [String: ParameterType]
    /// Example parameter sets from `params.json` (each query's test runs them all).
    public let tests: [[String: JSONValue]]

    /// Loads `<directory>/<name>/query.sql` and `params.json`.
    ///
    /// - Throws: ``QueryError`` when a file is missing or `params.json` is malformed.
    public static func load(name: String, from directory: String) throws(QueryError) -> SavedQuery {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw QueryError(query: name, reason: "query names are [A-Za-z0-9_]")
        }
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let sql: String
        do {
            sql = try String(contentsOf: folder.appendingPathComponent("query.sql"), encoding: .utf8)
        } catch {
            throw QueryError(query: name, reason: "cannot read \(folder.path)/query.sql: \(error.localizedDescription)")
        }
        guard let paramsData = FileManager.default.contents(atPath: folder.appendingPathComponent("params.json").path)
        else { throw QueryError(query: name, reason: "missing \(folder.path)/params.json") }
        let json: JSONValue
        do {
            json = try JSONValue.parse(paramsData)
        } catch {
            throw QueryError(query: name, reason: "params.json: \(error)")
        }
        var parameters: [String: ParameterType] = [:]
        if case .object(let declared)? = json["params"] {
            for (key, value) in declared {
                guard case .string(let typeName) = value else {
                    throw QueryError(query: name, reason: "params.json: type of \(key) must be a string")
                }
                let base = typeName.split(separator: "(").first.map(String.init) ?? typeName
                guard let type = ParameterType(rawValue: base) else {
                    throw QueryError(query: name, reason: "params.json: unknown type \(typeName) for \(key)")
                }
                parameters[key] = type
            }
        }
        var tests: [[String: JSONValue]] = []
        if case .array(let list)? = json["tests"] {
            for case .object(let test) in list { tests.append(test) }
        }
        return SavedQuery(name: name, sql: sql, parameters: parameters, tests: tests)
    }

    /// Converts a JSON parameter value (from `params.json` tests) to a typed binding.
    ///
    /// - Throws: ``QueryError`` when the value does not fit the declared type.
    public func binding(_ key: String, _ value: JSONValue) throws(QueryError) -> SQLiteValue {
        guard let type = parameters[key] else { throw QueryError(query: name, reason: "undeclared parameter \(key)") }
        switch (type, value) {
        case (.uint64, _), (.int64, _):
            let n: Int64? =
                if case .string(let s) = value { Int64(s) } else { value.integerValue }
            guard let n, type == .int64 || n >= 0 else {
                throw QueryError(query: name, reason: "\(key) must be \(type.rawValue)")
            }
            return .integer(n)
        case (.float64, _):
            guard let d = value.doubleValue else { throw QueryError(query: name, reason: "\(key) must be Float64") }
            return .real(d)
        case (.string, .string(let s)):
            return .text(s)
        case (.dateTime, .string(let s)):
            guard let t = UTCTimestamp(parsing: s) else {
                throw QueryError(query: name, reason: "\(key) must be an ISO-8601 timestamp")
            }
            return .text(t.description)
        default:
            throw QueryError(query: name, reason: "\(key) must be \(type.rawValue)")
        }
    }
}
