import Foundation
import NIOCore
import Testing

@testable import OOTIngest

/// The 200 reply (``ResultsReply``, `JSONEncoder`) must keep the bytes
/// `JSONSerialization` wrote with sorted keys and unescaped slashes, which relays and bots parse.
@Suite struct ReplyBytesTests {
    static let awkward = [
        "example-org/accel/0b5e/pull/build (linux, 3.12)/123",
        "quote \" backslash \\ slash / controls \u{8}\u{c}\n\r\t\u{1}\u{1f} del \u{7f} é 😀 \u{2028}",
        "",
    ]

    @Test(arguments: awkward)
    func sameBytesAsJSONSerialization(text: String) throws {
        for warnings in [[], [text], ["a: dropped", text]] {
            var fields: [String: Any] = ["ok": true, "status": "completed", "dynamoKey": text]
            if !warnings.isEmpty { fields["warnings"] = warnings }
            let expected = try JSONSerialization.data(
                withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
            let reply = try ResultsReply.body(status: "completed", dynamoKey: text, warnings: warnings)
            #expect(Array(reply.readableBytesView) == Array(expected))
        }
    }

    @Test func logLineMilliseconds() {
        for seconds in [0, 0.000_004, 0.001_25, 0.0123, 1.5, 12.345_678] {
            #expect(RequestObserver.milliseconds(seconds) == String(format: "%.2f", seconds * 1000))
        }
    }
}
