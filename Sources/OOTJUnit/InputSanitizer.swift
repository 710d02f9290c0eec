/// Removes what makes real-world reports ill-formed *before* libxml2 sees them, in one
/// streaming pass over the bytes (chunk boundaries anywhere).
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

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

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
    ///
    /// Runs of ordinary bytes are copied in bulk; only control bytes, `ESC` and `&#` go through
    /// the state machine.
    public mutating func process(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var i = 0
        let count = input.count
        while i < count {
            guard case .text = state else {
                consume(input[i], into: &output)
                i += 1
                continue
            }
            let runStart = i
            scan: while i < count {
                // 8 bytes at a time (SWAR) while none is below 0x20 or an `&`.
                if let base = input.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    while i + 8 <= count {
                        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let below20 = (x &- Self.ones &* 0x20) & ~x & Self.highs
                        let y = x ^ (Self.ones &* UInt64(UInt8(ascii: "&")))
                        let ampersand = (y &- Self.ones) & ~y & Self.highs
                        if below20 | ampersand != 0 { break }
                        i += 8
                    }
                }
                // Then byte by byte through the word that stopped the fast loop.
                let stop = min(i + 8, count)
                while i < stop {
                    let byte = input[i]
                    if byte < 0x20 {
                        if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                            i += 1
                            continue
                        }
                        break scan
                    }
                    if byte == UInt8(ascii: "&") && (i + 1 == count || input[i + 1] == UInt8(ascii: "#")) { break scan }
                    i += 1
                }
            }
            if i > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<i])) }
            if i < count {
                consume(input[i], into: &output)
                i += 1
            }
        }
    }

    /// Convenience for whole buffers.
    public mutating func process(_ input: [UInt8], into output: inout [UInt8]) {
        input.withUnsafeBufferPointer { process($0, into: &output) }
    }

    /// `true` when `input` would pass through unchanged: the sanitizer is between sequences and
    /// the chunk holds no control byte (other than TAB/LF/CR), no `ESC` and no `&#` (an `&`
    /// followed by anything else, like `&lt;`, is fine; one in the last byte is not).
    ///
    /// The caller may then hand `input` on without copying it.
    public func isClean(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard case .text = state, let base = input.baseAddress else { return input.isEmpty }
        let raw = UnsafeRawPointer(base)
        let count = input.count
        var i = 0
        while i + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let below20 = (x &- Self.ones &* 0x20) & ~x & Self.highs
            let y = x ^ (Self.ones &* UInt64(UInt8(ascii: "&")))
            let ampersand = (y &- Self.ones) & ~y & Self.highs
            if below20 | ampersand != 0 {
                // Candidates: decide byte by byte within this word.
                for j in i..<(i + 8) where needsWork(input, j) { return false }
            }
            i += 8
        }
        while i < count {
            if needsWork(input, i) { return false }
            i += 1
        }
        return true
    }

    /// `true` when the byte at `j` is a control byte to drop or starts (or may start) `&#`.
    @inline(__always)
    private func needsWork(_ input: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let byte = input[j]
        if byte == UInt8(ascii: "&") { return j + 1 == input.count || input[j + 1] == UInt8(ascii: "#") }
        return byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
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
                || (isHex
                    && ((UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
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
