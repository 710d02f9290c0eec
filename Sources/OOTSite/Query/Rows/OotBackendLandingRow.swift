/// A row of the saved query `oot_backend_landing`: a PR on a backend's landing page, with its
/// sequence number (1-based order of first appearance), which names its older page
/// (``MatrixBucket``).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendLandingRow: Decodable, Sendable {
    let prNumber: Int64
    let seq: Int64
}
