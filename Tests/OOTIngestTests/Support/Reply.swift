import Foundation

/// The response to one request: status code, body text and headers.
struct Reply: Sendable {
    /// The HTTP status code.
    let status: Int
    /// The body as UTF-8 text.
    let body: String
    /// Header values by lowercased name (the first value of a repeated header).
    let headers: [String: String]

    /// The body parsed as a JSON object; empty when it is not one.
    var json: [String: Any] {
        do {
            return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        } catch {
            return [:]
        }
    }
}
