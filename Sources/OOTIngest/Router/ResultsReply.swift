import NIOCore

/// The body of a 200 on a results path: `{"dynamoKey":…,"ok":true,"status":…}`, plus
/// `"warnings":[…]` when fields were dropped (spec §3.2, §14.2).
///
/// Written byte by byte instead of through `JSONSerialization`, which cost 11 % of the server's
/// time at saturation (a quarter of that sorting the four keys). The bytes are the ones
/// `JSONSerialization` wrote with `.sortedKeys` and `.withoutEscapingSlashes`: keys in that order,
/// no spaces, `"` and `\` escaped, `\b \f \n \r \t` for those controls and `\u00xx` (lower-case
/// hex) for the other controls below U+0020, everything else as UTF-8.
enum ResultsReply {
    /// The reply for a stored callback.
    ///
    /// - Parameters:
    ///   - status: `workflow.status` of the callback.
    ///   - dynamoKey: The record key.
    ///   - warnings: The dropped fields' descriptions, in order; the member is left out when empty.
    static func body(status: String, dynamoKey: String, warnings: [String]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(40 + status.utf8.count + dynamoKey.utf8.count + warnings.count * 80)
        buffer.writeStaticString("{\"dynamoKey\":")
        writeString(dynamoKey, to: &buffer)
        buffer.writeStaticString(",\"ok\":true,\"status\":")
        writeString(status, to: &buffer)
        if !warnings.isEmpty {
            buffer.writeStaticString(",\"warnings\":[")
            for (index, warning) in warnings.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                writeString(warning, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        }
        buffer.writeInteger(UInt8(ascii: "}"))
        return buffer
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes `string` as a JSON string literal, quotes included.
    static func writeString(_ string: String, to buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var plainStart = string.utf8.startIndex
        for index in string.utf8.indices {
            let byte = string.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.writeBytes(string.utf8[plainStart..<index])
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 0x08: buffer.writeStaticString("\\b")
            case 0x0C: buffer.writeStaticString("\\f")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            default:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hexDigits[Int(byte >> 4)])
                buffer.writeInteger(hexDigits[Int(byte & 0x0F)])
            }
            plainStart = string.utf8.index(after: index)
        }
        buffer.writeBytes(string.utf8[plainStart...])
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
