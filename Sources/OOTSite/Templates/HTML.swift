import Mustache

/// What reaches a page from a payload or a report: made visible (``visible(_:)``), then escaped
/// for HTML by the templates (``Escaper``).
enum HTML {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`: exactly what
    /// swift-mustache's `{{x}}` writes, over bytes instead of `Character`s (a full build escapes
    /// a few million values).
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `HTML` content type of our templates (each HTML template and partial starts with
    /// `{{% CONTENT_TYPE: HTML}}`): ``escape(_:)``, the same output as swift-mustache's own.
    struct Escaper: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }
}

extension HTML {
    /// `text` with what must not reach a page as is: C0 control characters other than tab,
    /// newline and carriage return (ANSI escapes, NUL; invalid in HTML and XML) and DEL become
    /// their visible Unicode control pictures (ESC shows as `␛`), and bidirectional overrides
    /// and isolates (U+202A–U+202E, U+2066–U+2069, which can make a name read backwards)
    /// become U+FFFD.
    ///
    /// Every string from a payload or a report goes through it before a page.
    static func visible(_ text: String) -> String {
        let utf8 = text.utf8
        var clean = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                clean = false
                break
            }
            if previous == (0xE2, 0x80) && (0xAA...0xAE).contains(byte)
                || previous == (0xE2, 0x81) && (0xA6...0xA9).contains(byte)
            {
                clean = false
                break
            }
            previous = (previous.1, byte)
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append(Unicode.Scalar(0x2421)!)
            case 0x202A...0x202E, 0x2066...0x2069: out.append(Unicode.Scalar(0xFFFD)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
