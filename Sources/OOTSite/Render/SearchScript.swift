import Foundation

/// The search index's files are scripts, not JSON, so they load from `file://` through a
/// `<script>` element (where `fetch` of a local file is refused): each is one call,
/// `OOTSearch.<function>(<JSON>);`.
///
/// The argument is written by ``SearchJSON``: `/` escaped (`<\/script>`) and U+2028, U+2029
/// written as escapes, so no string from the data can end the call or the script.
enum SearchScript {
    /// The script calling `OOTSearch.<function>` with the JSON `write` appends, as UTF-8 bytes
    /// (one line).
    ///
    /// - Parameters:
    ///   - function: The name of the function (ASCII letters).
    ///   - capacity: Bytes to reserve (a guess at the argument's size).
    ///   - write: Appends exactly one JSON value.
    static func call(_ function: String, capacity: Int = 4096, _ write: (inout SearchJSON) -> Void) -> Data {
        var json = SearchJSON(capacity: capacity + 32)
        json.raw("OOTSearch.")
        json.ascii(function)
        json.raw("(")
        write(&json)
        json.raw(");\n")
        return Data(json.bytes)
    }
}
