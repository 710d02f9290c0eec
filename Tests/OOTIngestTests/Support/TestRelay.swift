import Foundation
import OOTTestSupport

/// What the tests' relay sends: its token and valid callback bodies.
enum TestRelay {
    /// The relay token every test application accepts unless told otherwise.
    static let token = "s3cret-relay-token"

    /// A valid callback body whose dynamoKey ends in `checkRunID`, for one repo.
    static func callback(checkRunID: String, repo: String = "example-org/accel-backend", status: String = "in_progress")
        throws -> Data
    {
        var body = try Fixtures.callbackJSON("spec-2.3-\(status).json")
        body.set("untrusted.callback_payload.workflow.check_run_id", checkRunID)
        body.set("trusted.verified_repo", repo)
        return body.data
    }
}
