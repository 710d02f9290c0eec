/// A small JSON writer for the search index's scripts (``SearchScript``), which are written on
/// every incremental build that changes them, so they skip `JSONEncoder` and its intermediate
/// containers.
///
/// Output is compact UTF-8 JSON, safe inside a `<script>`: every string is JSON-escaped (`"`,
/// `\`, control characters), `/` is written `\/` (so `</script>` cannot appear) and U+2028,
/// U+2029 as `\u2028`, `\u2029` (line terminators in older JavaScript). Callers write objects'
/// keys in sorted order, as `JSONEncoder`'s `.sortedKeys` did.
struct SearchJSON {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends `text` as is (punctuation, keys known to need no escaping, numbers).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` unescaped: only for text known to need no escaping (a function name).
    mutating func ascii(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `"key":` for a key made of ASCII letters (no escaping needed).
    mutating func key(_ key: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(key)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Appends a decimal integer.
    mutating func int(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends `value` as a JSON string: quoted, with `"`, `\`, `/`, control characters, U+2028
    /// and U+2029 escaped.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, byte])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, byte])
                case UInt8(ascii: "/"): bytes.append(contentsOf: [0x5C, byte])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x00..<0x20: escape(UInt16(byte))
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                case 0xE2
                where index + 2 < count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `\uXXXX` (lower-case hex) for a UTF-16 code unit.
    private mutating func escape(_ unit: UInt16) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in [12, 8, 4, 0] { bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
    }
}
