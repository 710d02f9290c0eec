/// The relay's shared secrets, compared in constant time (spec §3.1, review by @atalman).
///
/// Several tokens may be valid at once so a secret can be rotated without downtime.
public struct RelayTokens: Sendable {
    private let tokens: [[UInt8]]

    /// Creates the set from non-empty tokens (surrounding whitespace is trimmed).
    public init(_ tokens: [String]) {
        self.tokens = tokens.map { Array($0.trimmingWhitespace.utf8) }.filter { !$0.isEmpty }
    }

    /// The tokens in the text of a token file: one per line; blank lines and `#` comments ignored.
    public static func lines(in fileContents: String) -> [String] {
        fileContents.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// `true` when no token is configured (the server must refuse to start).
    public var isEmpty: Bool { tokens.isEmpty }

    /// How many tokens are configured.
    public var count: Int { tokens.count }

    /// `true` when `candidate` equals one of the tokens.
    ///
    /// Every token is compared, and each comparison takes time independent of where the bytes
    /// differ.
    public func accepts(_ candidate: String) -> Bool {
        let bytes = Array(candidate.utf8)
        var matched = false
        for token in tokens {
            matched = Self.constantTimeEquals(bytes, token) || matched
        }
        return matched
    }

    /// Byte equality whose running time depends only on the lengths.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
