import OOTCore

/// Runs saved queries on a read-only connection (spec §8): parameters are checked against
/// `params.json`, and a statement that could write is refused before it runs.
public final class QueryRunner {
    private let database: SQLiteDatabase
    private let directory: String
    private var loaded: [String: (SavedQuery, SQLiteStatement)] = [:]
    /// Per query: runs, rows and seconds spent, for `build --query-stats`.
    public private(set) var stats: [String: (runs: Int, rows: Int, seconds: Double)] = [:]

    /// Creates a runner over `database` (opened with ``OOTDatabase/openForReading(path:)``) for
    /// the queries under `directory` (for example `data/queries`).
    public init(database: SQLiteDatabase, directory: String) {
        self.database = database
        self.directory = directory
    }

    /// Runs query `name` with `parameters` (every declared parameter must be given).
    ///
    /// - Throws: ``QueryError`` (unknown query, missing/undeclared parameter, a writing
    ///   statement) or ``SQLiteError``.
    public func run(_ name: String, _ parameters: [String: SQLiteValue] = [:]) throws -> QueryRows {
        let start = ContinuousClock.now
        let (query, statement) = try prepared(name)
        for key in parameters.keys where query.parameters[key] == nil {
            throw QueryError(query: name, reason: "parameter \(key) is not declared in params.json")
        }
        statement.reset()
        for case let sqlName? in statement.parameterNames {
            let key = String(sqlName.dropFirst())
            guard let value = parameters[key] else {
                throw QueryError(query: name, reason: "missing parameter \(key)")
            }
            try statement.bind(value, named: sqlName)
        }
        let columns = statement.columnNames
        let index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [QueryRows.Row] = []
        while try statement.step() {
            rows.append(QueryRows.Row(index: index, values: statement.row()))
        }
        statement.reset()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let previous = stats[name] ?? (0, 0, 0)
        stats[name] = (previous.runs + 1, previous.rows + rows.count, previous.seconds + seconds)
        return QueryRows(columns: columns, rows: rows)
    }

    /// Runs query `name` once per test case in its `params.json`, returning the row counts.
    ///
    /// - Throws: what ``run(_:_:)`` throws.
    public func runTests(_ name: String) throws -> [Int] {
        let (query, _) = try prepared(name)
        var counts: [Int] = []
        for test in query.tests {
            var bindings: [String: SQLiteValue] = [:]
            for (key, value) in test { bindings[key] = try query.binding(key, value) }
            counts.append(try run(name, bindings).rows.count)
        }
        return counts
    }

    private func prepared(_ name: String) throws -> (SavedQuery, SQLiteStatement) {
        if let cached = loaded[name] { return cached }
        let query = try SavedQuery.load(name: name, from: directory)
        let statement = try database.prepare(query.sql)
        guard statement.isReadOnly else { throw QueryError(query: name, reason: "saved queries must not write") }
        for case let sqlName? in statement.parameterNames {
            guard sqlName.hasPrefix(":"), query.parameters[String(sqlName.dropFirst())] != nil else {
                throw QueryError(query: name, reason: "SQL parameter \(sqlName) is not declared in params.json")
            }
        }
        loaded[name] = (query, statement)
        return (query, statement)
    }
}
