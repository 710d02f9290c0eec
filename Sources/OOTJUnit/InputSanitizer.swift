/// Removes what makes real-world reports ill-formed *before* libxml2 sees them, in one
/// streaming pass over the bytes (chunk boundaries anywhere):
///
/// - C0 control bytes other than TAB, LF and CR (invalid in XML 1.0);
/// - ANSI escape sequences: `ESC [ … final`, and two-byte `ESC x` escapes;
/// - character references to characters XML forbids (`&#x1B;`, `&#0;`, `&#12;`, surrogates,
///   `&#xFFFE;`), and an ANSI sequence that follows an `&#x1B;` reference (`&#x1B;[31m`).
///
/// Works on UTF-8 and other ASCII-compatible encodings (multi-byte UTF-8 never contains bytes
/// below 0x80). UTF-16 input is transcoded to UTF-8 first (see ``ReportInput``).
/// `XML_PARSE_RECOVER` is not a substitute: it truncates attributes and re-parents testcases.
public struct InputSanitizer: Sendable {
    private enum State: Sendable {
        case text
        case escape
        case csi(length: Int)
        case reference
    }

    private var state = State.text
    private var pending: [UInt8] = []
    /// Control bytes removed.
    public private(set) var removedControlBytes = 0
    /// ANSI escape sequences removed.
    public private(set) var removedEscapeSequences = 0
    /// Character references to forbidden characters removed.
    public private(set) var removedReferences = 0

    /// Creates a sanitizer at the start of a stream.
    public init() {}

    /// `true` when anything was removed.
    public var changedInput: Bool { removedControlBytes + removedEscapeSequences + removedReferences > 0 }

    /// A one-line account of what was removed, or `nil` when nothing was.
    public var summary: String? {
        guard changedInput else { return nil }
        var parts: [String] = []
        if removedEscapeSequences > 0 { parts.append("\(removedEscapeSequences) ANSI escape sequence(s)") }
        if removedControlBytes > 0 { parts.append("\(removedControlBytes) control character(s)") }
        if removedReferences > 0 { parts.append("\(removedReferences) reference(s) to forbidden characters") }
        return "removed " + parts.joined(separator: ", ") + " before parsing"
    }

    /// Sanitizes the next chunk of the stream, appending the cleaned bytes to `output`.
    public mutating func process(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for byte in input {
            consume(byte, into: &output)
        }
    }

    /// Convenience for whole buffers.
    public mutating func process(_ input: [UInt8], into output: inout [UInt8]) {
        input.withUnsafeBufferPointer { process($0, into: &output) }
    }

    /// Ends the stream: flushes an incomplete reference as plain text.
    public mutating func finish(into output: inout [UInt8]) {
        output.append(contentsOf: pending)
        pending.removeAll()
        state = .text
    }

    private mutating func consume(_ byte: UInt8, into output: inout [UInt8]) {
        switch state {
        case .text:
            text(byte, into: &output)
        case .escape:
            if byte == UInt8(ascii: "[") {
                state = .csi(length: 0)
            } else if (0x40...0x5F).contains(byte) {
                removedEscapeSequences += 1
                state = .text
            } else {
                removedEscapeSequences += 1
                state = .text
                text(byte, into: &output)
            }
        case .csi(let length):
            if (0x20...0x3F).contains(byte) && length < 32 {
                state = .csi(length: length + 1)
            } else if (0x40...0x7E).contains(byte) {
                removedEscapeSequences += 1
                state = .text
            } else {
                removedEscapeSequences += 1
                state = .text
                text(byte, into: &output)
            }
        case .reference:
            reference(byte, into: &output)
        }
    }

    private mutating func text(_ byte: UInt8, into output: inout [UInt8]) {
        if byte == 0x1B {
            state = .escape
        } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            removedControlBytes += 1
        } else if byte == UInt8(ascii: "&") {
            pending = [byte]
            state = .reference
        } else {
            output.append(byte)
        }
    }

    private mutating func reference(_ byte: UInt8, into output: inout [UInt8]) {
        let isHex = pending.count >= 3 && (pending[2] == UInt8(ascii: "x") || pending[2] == UInt8(ascii: "X"))
        switch byte {
        case UInt8(ascii: "#") where pending.count == 1:
            pending.append(byte)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            if pending.count == 2 {
                pending.append(byte)
            } else {
                flushReference(then: byte, into: &output)
            }
        case UInt8(ascii: ";") where pending.count >= 3 && !(isHex && pending.count == 3):
            let digits = String(decoding: pending[(isHex ? 3 : 2)...], as: UTF8.self)
            let value = UInt32(digits, radix: isHex ? 16 : 10)
            pending.removeAll()
            state = .text
            if let value, Self.isAllowed(value) {
                output.append(contentsOf: Array("&#\(isHex ? "x" : "")\(digits);".utf8))
            } else {
                removedReferences += 1
                if value == 0x1B { state = .escape }
            }
        default:
            let isDigit =
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (isHex && ((UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)))
            if pending.count >= 2 && isDigit && pending.count < 12 {
                pending.append(byte)
            } else {
                flushReference(then: byte, into: &output)
            }
        }
    }

    private mutating func flushReference(then byte: UInt8, into output: inout [UInt8]) {
        output.append(contentsOf: pending)
        pending.removeAll()
        state = .text
        text(byte, into: &output)
    }

    /// XML 1.0 `Char`: TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
