import HTTPTypes

/// Settings of the ingest endpoint.
public struct IngestConfiguration: Sendable {
    /// Address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// Accepted relay tokens.
    public var tokens: RelayTokens
    /// Largest accepted body in bytes (spec §3.2: 2 MiB; exactly 2 MiB is accepted).
    public var maxBodyBytes: Int

    /// The header the reference relay sends the token in (spec §3.1).
    public static let tokenHeader = HTTPField.Name("X-OOT-Relay-Token")!

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, tokens: RelayTokens, maxBodyBytes: Int = 2 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.maxBodyBytes = maxBodyBytes
    }
}
