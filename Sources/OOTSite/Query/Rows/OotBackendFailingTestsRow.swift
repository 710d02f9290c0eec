/// A row of the saved query `oot_backend_failing_tests`: a test of a backend that failed (or was flaky) lately: it gets a history page.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendFailingTestsRow: Decodable, Sendable {
    let classname: String
    let name: String
    let failures: Int64
    let lastFailed: String?
}
