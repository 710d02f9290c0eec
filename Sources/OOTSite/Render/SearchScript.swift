import Foundation

/// The search index's files are scripts, not JSON, so they load from `file://` through a
/// `<script>` element (where `fetch` of a local file is refused): each is one call,
/// `OOTSearch.<function>(<JSON>);`.
///
/// The argument is JSON-encoded (`JSONEncoder`, sorted keys); `/` stays escaped (`<\/script>`)
/// and U+2028, U+2029 are written as escapes, so no string from the data can end the call or the
/// script.
enum SearchScript {
    /// The script calling `OOTSearch.<function>` with `value` as JSON, as UTF-8 bytes (one line).
    ///
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    static func call(_ function: String, _ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var json = String(decoding: try encoder.encode(value), as: UTF8.self)
        json = json.replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return Data("OOTSearch.\(function)(\(json));\n".utf8)
    }
}
