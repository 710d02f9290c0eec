internal import CLibXML2

/// `xmlInitParser()` is not thread-safe in libxml2 2.9.x; a global `let` runs it exactly once.
private let libxmlInitialised: Void = { xmlInitParser() }()

enum LibXML {
    /// Initialises libxml2 once per process.
    static func ensureInitialised() { _ = libxmlInitialised }

    /// Parser options: no network, no entity substitution (`XML_PARSE_NOENT` is never set), no
    /// DTD loading, no stderr chatter, CDATA delivered as text.
    ///
    /// `XML_PARSE_HUGE` is never set, so libxml2's size limits stay on (10 MB per text node,
    /// entity amplification checks). Nesting depth is enforced by ``Walker`` (256), and any
    /// DOCTYPE stops the parse before it is used.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Added when the input was transcoded from UTF-16: ignore its (now wrong) `encoding=`.
    static let ignoreEncoding = Int32(XML_PARSE_IGNORE_ENC.rawValue)
}
