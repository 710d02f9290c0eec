import CCmark

/// CommonMark rendering with libcmark, and escaping for text placed into Markdown.
public enum Markdown {
    /// Renders CommonMark to an HTML fragment.
    ///
    /// cmark ≥ 0.29 is safe by default: raw HTML becomes `<!-- raw HTML omitted -->` and
    /// `javascript:`/`data:` links are dropped. `CMARK_OPT_UNSAFE` is never passed.
    ///
    /// - Parameter markdown: CommonMark source.
    /// - Returns: The HTML fragment (empty when cmark fails to allocate).
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let out = cmark_markdown_to_html(markdown, markdown.utf8.count, options) else { return "" }
        defer { ccmark_free(out) }
        return String(cString: out)
    }

    /// Escapes `text` so it renders literally inside Markdown (CommonMark and GitHub's GFM): every
    /// ASCII punctuation character but `/` and `,` gets a backslash (CommonMark §2.4), and line
    /// breaks become spaces, so a job or test name can never open a link, autolink, emphasis,
    /// code span, heading or HTML block.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}": out.append(" ")
            case _ where escaped.contains(scalar):
                out.append("\\")
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// CommonMark's escapable ASCII punctuation, minus `/` and `,` (meaningless in Markdown).
    private static let escaped = Set("!\"#$%&'()*+-.:;<=>?@[\\]^_`{|}~".unicodeScalars)
}
