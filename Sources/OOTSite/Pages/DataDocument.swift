import Foundation

/// A versioned data document for bots (`/pr/<n>/index.json`, the trunk grid's `index.json`):
/// presentation-free JSON whose optional fields are written as `null` (``Nullable``).
protocol DataDocument: Encodable {}

extension DataDocument {
    /// The document as pretty-printed JSON with sorted keys and unescaped slashes.
    ///
    /// - Throws: `EncodingError` (not expected: every value is a string, number, bool or null).
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(self)
    }
}
