import HTTPTypes

/// Where relay versions put the shared secret (spec §3.1).
public enum TokenHeaders {
    /// `X-OOT-Relay-Token`: the reference relay (TI-OOT).
    public static let relayToken = HTTPField.Name("X-OOT-Relay-Token")!
    /// `x-hud-internal-bot`: upstream today (TI-HEAD).
    public static let internalBot = HTTPField.Name("x-hud-internal-bot")!
    /// `X-CRCR-Relay-Token`: the name the OOT→CRCR rename plan gives the dedicated header.
    public static let crcrRelayToken = HTTPField.Name("X-CRCR-Relay-Token")!

    /// The token candidates a request carries: the value of each of `X-OOT-Relay-Token`,
    /// `x-hud-internal-bot`, `X-CRCR-Relay-Token` and `Authorization` (raw key, as the first relay
    /// sent it, or `Bearer <key>`).
    ///
    /// - Returns: `nil` when one of these headers is repeated (ambiguous: refused, as the
    ///   reference refuses a non-single header), else the candidates, possibly none.
    public static func candidates(in headers: HTTPFields) -> [String]? {
        var candidates: [String] = []
        for name in [relayToken, internalBot, crcrRelayToken, .authorization] {
            let values = headers[values: name]
            if values.count > 1 { return nil }
            guard var value = values.first else { continue }
            if name == .authorization, value.lowercased().hasPrefix("bearer ") {
                value = String(value.dropFirst(7))
            }
            candidates.append(value)
        }
        return candidates
    }

    /// `true` when one of the request's candidates is an accepted token.
    public static func authorize(_ headers: HTTPFields, tokens: RelayTokens) -> Bool {
        guard let candidates = candidates(in: headers) else { return false }
        var ok = false
        for candidate in candidates where tokens.accepts(candidate) { ok = true }
        return ok
    }
}
