/// A testcase's failure message, laid out for reading: the assertion line first, line breaks kept.
///
/// pytest writes its whole traceback into `message`, so the line that matters
/// (`E   AssertionError: 143 != 0`) comes last. Some reports also lose the message's line breaks
/// before we see it: a literal newline inside an XML attribute is read as a space (XML 1.0 §3.3.3
/// attribute-value normalization), and only `&#10;` survives. When the flattened message is the
/// same text as the stack trace beside it, the lines are taken from the stack trace.
struct FailureMessage: Sendable, Equatable {
    /// The line to read first: the first line of the last block of pytest `E` lines (without the
    /// `E`), else the line after a GoogleTest location (`file.cc:42`), else the first line.
    let headline: String
    /// What the message says besides the headline, with its line breaks: the lines after it when
    /// the headline is the first line, else the whole message; `nil` when there is nothing more,
    /// or when the message is the stack trace shown beside it.
    let rest: String?
    /// Whether the message is the stack trace with its line breaks lost: the page then shows the
    /// trace open, right under the headline.
    let repeatsDetails: Bool

    /// The layout of `message`, or `nil` when it is empty.
    ///
    /// - Parameters:
    ///   - message: The testcase's `message` attribute.
    ///   - details: The result element's text (the stack trace), if any.
    init?(message: String?, details: String? = nil) {
        guard let message, message.contains(where: { !$0.isWhitespace }) else { return nil }
        let text = message.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = Self.lines(text)
        var repeatsDetails = false
        if lines.count == 1, let details {
            let detailLines = Self.lines(details.replacingOccurrences(of: "\r\n", with: "\n"))
            let flat = Self.collapse(text)
            let flatDetails = Self.collapse(details)
            if detailLines.count > 1, flatDetails == flat || flatDetails.hasPrefix(flat + " ") {
                lines = detailLines
                repeatsDetails = true
            }
        }
        self.repeatsDetails = repeatsDetails
        if let assertion = Self.assertionLine(lines) {
            headline = assertion
            rest = repeatsDetails ? nil : lines.joined(separator: "\n")
        } else if lines.count == 1, let assertion = Self.flattenedAssertion(lines[0]) {
            headline = assertion
            rest = lines[0]
        } else if lines.count > 1, Self.isLocation(lines[0]), !lines[1].isEmpty {
            // GoogleTest: `file.cc:42` on the first line, the failed assertion on the next.
            headline = lines[1]
            rest = repeatsDetails ? nil : lines.joined(separator: "\n")
        } else {
            headline = lines[0]
            rest = repeatsDetails || lines.count == 1 ? nil : lines.dropFirst().joined(separator: "\n")
        }
    }

    /// Whether `line` is only a source location, as GoogleTest starts a message: no blanks,
    /// ending in `:` and a line number (or `*`, as its own tests write it).
    static func isLocation(_ line: String) -> Bool {
        guard !line.contains(where: \.isWhitespace), let colon = line.lastIndex(of: ":"), colon != line.startIndex
        else { return false }
        let number = line[line.index(after: colon)...]
        return number == "*" || (!number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber))
    }

    /// The lines of `text`, tidied: at least one.
    ///
    /// Trailing blanks go, so do the leading and trailing empty lines and the indentation every
    /// non-empty line shares.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last?.isWhitespace == true { line.removeLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        let result = lines.map { String($0.dropFirst(min(indent, $0.count))) }
        return result.isEmpty ? [""] : result
    }

    /// The first line of the last block of pytest `E` lines (`E   AssertionError: …`), without
    /// its `E`; `nil` when there is none.
    static func assertionLine(_ lines: [String]) -> String? {
        func body(_ line: String) -> String? {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == "E", let next = trimmed.dropFirst().first, next == " " || next == "\t" else {
                return nil
            }
            let text = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }
            return text.isEmpty ? nil : String(text)
        }
        guard var index = lines.lastIndex(where: { body($0) != nil }) else { return nil }
        while index > 0, body(lines[index - 1]) != nil { index -= 1 }
        return body(lines[index])
    }

    /// In a message whose line breaks were lost, what follows the first ` E   ` (pytest's `E`
    /// line marker: an `E` and at least two blanks); `nil` when there is none.
    static func flattenedAssertion(_ line: String) -> String? {
        let characters = Array(line)
        var index = 1
        while index + 3 < characters.count {
            if characters[index] == "E", characters[index - 1] == " ", characters[index + 1] == " ",
                characters[index + 2] == " "
            {
                let text = String(characters[(index + 3)...]).drop { $0 == " " }
                if !text.isEmpty { return String(text) }
            }
            index += 1
        }
        return nil
    }

    /// `text` with every run of whitespace read as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
