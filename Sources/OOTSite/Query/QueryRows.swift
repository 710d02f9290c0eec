import OOTCore

/// Rows returned by a saved query, addressed by column name.
public struct QueryRows: Sendable {
    /// Result column names, in order.
    public let columns: [String]
    /// The rows.
    public let rows: [Row]

    /// One result row.
    public struct Row: Sendable {
        let index: [String: Int]
        /// The values, in column order.
        public let values: [SQLiteValue]

        /// The value of `column` (`.null` when the query has no such column).
        public subscript(_ column: String) -> SQLiteValue {
            index[column].map { values[$0] } ?? .null
        }

        /// Text of `column`, or `""`.
        public func string(_ column: String) -> String { self[column].text ?? "" }
        /// Text of `column`, or `nil` when NULL or empty.
        public func optionalString(_ column: String) -> String? {
            guard let s = self[column].text, !s.isEmpty else { return nil }
            return s
        }
        /// Integer of `column`, or 0.
        public func int(_ column: String) -> Int64 { self[column].integer ?? 0 }
        /// Double of `column`, or `nil` when NULL.
        public func double(_ column: String) -> Double? { self[column].double }
    }
}
