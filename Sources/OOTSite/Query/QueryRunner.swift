import OOTCore

/// Runs saved queries on a read-only connection (spec §8): parameters are checked against
/// `params.json`, a statement that could write is refused before it runs, and rows are read into
/// typed row types (``RowDecoder``).
public final class QueryRunner {
    private let database: SQLiteDatabase
    private let directory: String
    private var loaded: [String: (SavedQuery, SQLiteStatement, ColumnIndex)] = [:]
    /// Per query: runs, rows and seconds spent, for `build --query-stats`.
    public private(set) var stats: [String: QueryStat] = [:]

    /// Creates a runner over `database` (opened with ``OOTDatabase/openForReading(path:)``) for
    /// the queries under `directory` (for example `data/queries`).
    public init(database: SQLiteDatabase, directory: String) {
        self.database = database
        self.directory = directory
    }

    /// Runs query `name` with `parameters` (every declared parameter must be given) and reads each
    /// row into `Row` (``RowDecoder``: a missing column or a value of the wrong type throws).
    ///
    /// - Throws: ``QueryError`` (unknown query, missing/undeclared parameter, a writing
    ///   statement), ``QueryRowError`` or ``SQLiteError``.
    public func run<Row: Decodable>(
        _ name: String, as type: Row.Type = Row.self, _ parameters: [String: SQLiteValue] = [:]
    ) throws -> [Row] {
        var rows: [Row] = []
        try execute(name, parameters) { columns, statement in
            rows.append(try Row(from: RowDecoder(query: name, columns: columns, statement: statement)))
        }
        return rows
    }

    /// Runs query `name` and returns its column names and rows as plain values (for tests and
    /// tools that look at any query's result).
    ///
    /// - Throws: what ``run(_:as:_:)`` throws.
    public func runValues(_ name: String, _ parameters: [String: SQLiteValue] = [:]) throws -> (
        columns: [String], rows: [[SQLiteValue]]
    ) {
        var names: [String] = []
        var rows: [[SQLiteValue]] = []
        try execute(name, parameters) { columns, statement in
            names = columns.names
            rows.append(statement.row())
        }
        return (names, rows)
    }

    /// Binds `parameters`, steps through the rows handing each to `body`, and counts the time.
    private func execute(
        _ name: String, _ parameters: [String: SQLiteValue],
        _ body: (ColumnIndex, SQLiteStatement) throws -> Void
    ) throws {
        let start = ContinuousClock.now
        let (query, statement, columns) = try prepared(name)
        for key in parameters.keys where query.parameters[key] == nil {
            throw QueryError(query: name, reason: "parameter \(key) is not declared in params.json")
        }
        statement.reset()
        defer { statement.reset() }
        for case let sqlName? in statement.parameterNames {
            let key = String(sqlName.dropFirst())
            guard let value = parameters[key] else {
                throw QueryError(query: name, reason: "missing parameter \(key)")
            }
            try statement.bind(value, named: sqlName)
        }
        var count = 0
        while try statement.step() {
            try body(columns, statement)
            count += 1
        }
        let run = QueryStat(name: name, runs: 1, rows: count, seconds: (ContinuousClock.now - start).inSeconds)
        stats[name] = stats[name]?.adding(run) ?? run
    }

    /// Runs query `name` once per test case in its `params.json`, reading every row into the
    /// query's row type (``QueryRowTypes``), and returns the row counts.
    ///
    /// - Throws: ``QueryError`` when the query has no row type, and what ``run(_:as:_:)`` throws
    ///   (a row that does not fit its type included).
    public func runTests(_ name: String) throws -> [Int] {
        let (query, _, _) = try prepared(name)
        guard let rowType = QueryRowTypes.byQuery[name] else {
            throw QueryError(query: name, reason: "no row type: add one to QueryRowTypes")
        }
        var counts: [Int] = []
        for test in query.tests {
            var bindings: [String: SQLiteValue] = [:]
            for (key, value) in test { bindings[key] = try query.binding(key, value) }
            var count = 0
            try execute(name, bindings) { columns, statement in
                _ = try rowType.init(from: RowDecoder(query: name, columns: columns, statement: statement))
                count += 1
            }
            counts.append(count)
        }
        return counts
    }

    private func prepared(_ name: String) throws -> (SavedQuery, SQLiteStatement, ColumnIndex) {
        if let cached = loaded[name] { return cached }
        let query = try SavedQuery.load(name: name, from: directory)
        let statement = try database.prepare(query.sql)
        guard statement.isReadOnly else { throw QueryError(query: name, reason: "saved queries must not write") }
        for case let sqlName? in statement.parameterNames {
            guard sqlName.hasPrefix(":"), query.parameters[String(sqlName.dropFirst())] != nil else {
                throw QueryError(query: name, reason: "SQL parameter \(sqlName) is not declared in params.json")
            }
        }
        let prepared = (query, statement, ColumnIndex(statement.columnNames))
        loaded[name] = prepared
        return prepared
    }
}
