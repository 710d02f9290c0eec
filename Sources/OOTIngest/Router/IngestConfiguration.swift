/// Settings of the ingest endpoint.
public struct IngestConfiguration: Sendable {
    /// Address to bind, for example `127.0.0.1`.
    public var host: String
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// Accepted relay tokens.
    public var tokens: RelayTokens
    /// Largest accepted body in bytes (spec §3.2: 2 MiB; exactly 2 MiB is accepted).
    public var maxBodyBytes: Int
    /// Accepted callbacks per `verified_repo` per 60 s; 0 (the default) disables the limit.
    ///
    /// Off by default because a 429 is final for the job (spec §14.2): the relay does not retry,
    /// and the job shows as running forever. The relay already limits each repo (100 a minute).
    public var rateLimitPerMinute: Int

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, tokens: RelayTokens, maxBodyBytes: Int = 2 * 1024 * 1024,
        rateLimitPerMinute: Int = 0
    ) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.maxBodyBytes = maxBodyBytes
        self.rateLimitPerMinute = rateLimitPerMinute
    }
}
