/// The paths the server answers.
///
/// The relay appends a suffix to its `HUD_API_URL` (default `https://hud.pytorch.org/api`), and the
/// suffix changed over its versions (spec §14.1), so the results contract answers on every path a
/// relay version posts to: `/crcr/results` since 2026-06-26, `/oot/results` from 2026-06-04, and
/// the configured URL verbatim before that (RFC-0054's `/api/oot/results`). The bare forms serve a
/// relay whose `HUD_API_URL` is this server's root rather than its `/api`.
public enum IngestRoutes {
    /// Where today's relay posts: `HUD_API_URL` + `/crcr/results` (spec §14.1).
    public static let crcrResults = "/api/crcr/results"
    /// RFC-0054's path, posted to by the relays of June 2026 (spec §2.2).
    public static let ootResults = "/api/oot/results"
    /// ``crcrResults`` for a relay whose `HUD_API_URL` is this server's root, not its `/api`.
    public static let crcrResultsAtRoot = "/crcr/results"
    /// ``ootResults`` for a relay whose `HUD_API_URL` is this server's root, not its `/api`.
    public static let ootResultsAtRoot = "/oot/results"
    /// Every path answering the results contract (`POST` only), the name in use upstream first.
    public static let results = [crcrResults, ootResults, crcrResultsAtRoot, ootResultsAtRoot]
    /// The health check (`GET`, `HEAD`).
    public static let health = "/healthz"
    /// The Prometheus metrics (`GET`, `HEAD`).
    public static let metrics = "/metrics"

    /// `true` when `path` answers the results contract.
    public static func isResults(_ path: String) -> Bool { results.contains(path) }
}
