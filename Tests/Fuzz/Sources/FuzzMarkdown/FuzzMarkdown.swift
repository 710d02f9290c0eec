import Foundation

// `HTML` is internal to OOTSite; scripts/fuzz.sh builds in debug, where SwiftPM compiles every
// module with testability, so the escaping the site uses can be fuzzed as is.
@testable import OOTSite

// libFuzzer harness: the PR summary's Markdown (`comment.md`, rendered into the PR page through
// cmark) and the escaping of untrusted names on their way into Markdown and HTML. See
// docs/fuzzing.md.
//
// Invariants checked (a violation traps, which libFuzzer reports as a crash):
// - `Markdown.html` of any text (cmark without CMARK_OPT_UNSAFE) emits only CommonMark's own
//   elements and attributes (no script, iframe, raw HTML or event handler), and no
//   `javascript:`/`vbscript:`/`file:`/non-image `data:` URL;
// - a Markdown-escaped name placed on a line (`x <name>`, as comment.md lays out job and test
//   names) renders as one paragraph of plain text: no link, image, emphasis, code, heading or
//   HTML at all;
// - `HTML.escape` leaves no `< > " '` and only its own five entities; `HTML.visible` leaves no C0
//   control character but tab/LF/CR, no DEL and no bidi override, and is idempotent; unescaping
//   `HTML.escape(s)` gives back `HTML.visible(s)`.

/// Stops the fuzzer with `message` when `condition` is false.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

/// The elements cmark writes (CommonMark's HTML renderer), and the attributes each may carry.
private let allowedTags: [String: Set<String>] = [
    "p": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "pre": [], "code": ["class"],
    "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "br": [], "em": [], "strong": [],
    "a": ["href", "title"], "img": ["src", "alt", "title"],
]

/// URL schemes cmark's safe mode must drop (`data:` is allowed for png/gif/jpeg/webp images only).
private func isDangerousURL(_ url: String) -> Bool {
    let url = url.lowercased()
    if url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("file:") { return true }
    guard url.hasPrefix("data:") else { return false }
    return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { url.hasPrefix($0) }
}

/// Says why `html` (cmark output) is unsafe, or returns `nil` when it is safe.
///
/// Unsafe: a tag outside ``allowedTags``, an attribute a tag may not carry, an unquoted
/// attribute, or a dangerous URL. Every `<` cmark writes outside a tag is escaped, and attribute
/// values escape `<`, `>` and `"`, so tags split cleanly. Works on UTF-8 bytes: as `Character`s,
/// a `>` followed by a combining mark is not `">"`.
private func unsafeMarkup(in html: String) -> String? {
    let bytes = Array(html.utf8)
    let comment = Array("<!-- raw HTML omitted -->".utf8)
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    var i = 0
    while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
        if bytes[open...].starts(with: comment) {
            i = open + comment.count
            continue
        }
        guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return "an unclosed tag" }
        i = close + 1
        var start = open + 1
        var end = close
        if start < end && bytes[start] == UInt8(ascii: "/") { start += 1 }
        if end - start >= 2 && bytes[end - 2] == UInt8(ascii: " ") && bytes[end - 1] == UInt8(ascii: "/") { end -= 2 }
        let nameEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: " ")) ?? end
        let name = text(start..<nameEnd)
        guard let attributes = allowedTags[name] else { return "element <\(name)>" }
        var at = nameEnd
        while at < end {
            guard bytes[at] == UInt8(ascii: " "), let eq = bytes[at..<end].firstIndex(of: UInt8(ascii: "=")) else {
                return "attributes \(text(at..<end)) of <\(name)>"
            }
            let attribute = text((at + 1)..<eq)
            guard attributes.contains(attribute) else { return "attribute \(attribute) on <\(name)>" }
            guard eq + 1 < end, bytes[eq + 1] == UInt8(ascii: "\""),
                let valueEnd = bytes[(eq + 2)..<end].firstIndex(of: UInt8(ascii: "\""))
            else { return "unquoted attribute \(attribute) on <\(name)>" }
            let value = text((eq + 2)..<valueEnd)
            if attribute == "href" || attribute == "src", isDangerousURL(value) { return "URL \(value)" }
            at = valueEnd + 1
        }
    }
    return nil
}

/// The five entities `HTML.escape` writes.
private let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

/// Reverses `HTML.escape`'s five replacements, on UTF-8 bytes.
private func unescape(_ escaped: [UInt8]) -> [UInt8] {
    let replacements: [(entity: [UInt8], byte: UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]
    var out: [UInt8] = []
    var i = 0
    while i < escaped.count {
        if escaped[i] == UInt8(ascii: "&"),
            let match = replacements.first(where: { escaped[i...].starts(with: $0.entity) })
        {
            out.append(match.byte)
            i += match.entity.count
        } else {
            out.append(escaped[i])
            i += 1
        }
    }
    return out
}

/// libFuzzer's entry point: runs one input.
///
/// - Parameters:
///   - start: The input bytes, read as UTF-8 (invalid sequences become U+FFFD, as for any payload).
///   - count: Their number.
/// - Returns: 0 (the input is always kept for coverage).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)

    // Untrusted Markdown as is.
    let html = Markdown.html(text)
    if let problem = unsafeMarkup(in: html) {
        require(false, "cmark emitted \(problem) for \(text.debugDescription):\n\(html)")
    }

    // An escaped name on a comment line.
    let line = Array(Markdown.html("x " + Markdown.escape(text)).utf8)
    let plain =
        line.starts(with: Array("<p>x".utf8)) && line.count >= 9 && line.suffix(5).elementsEqual("</p>\n".utf8)
        && !line[3..<(line.count - 5)].contains(UInt8(ascii: "<"))
    require(
        plain,
        "escaped text rendered as markup: \(text.debugDescription) → \(String(decoding: line, as: UTF8.self).debugDescription)"
    )

    // The escaping of fragments rendered in Swift (matrix cells).
    let visible = HTML.visible(text)
    for scalar in visible.unicodeScalars {
        let v = scalar.value
        require(
            !((v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)),
            "HTML.visible kept U+\(String(v, radix: 16)) in \(text.debugDescription)")
    }
    require(
        HTML.visible(visible).utf8.elementsEqual(visible.utf8),
        "HTML.visible is not idempotent on \(text.debugDescription)")
    let escaped = Array(HTML.escape(text).utf8)
    require(
        !escaped.contains(where: {
            $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }),
        "HTML.escape left markup for \(text.debugDescription)")
    for (index, byte) in escaped.enumerated() where byte == UInt8(ascii: "&") {
        require(
            entities.contains { escaped[index...].starts(with: $0.utf8) },
            "HTML.escape left a bare & for \(text.debugDescription)")
    }
    require(
        unescape(escaped).elementsEqual(visible.utf8),
        "unescaping HTML.escape(s) does not give HTML.visible(s) for \(text.debugDescription)")
    return 0
}
