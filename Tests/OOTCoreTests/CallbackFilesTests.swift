import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// `oot-hud ingest` input files: `.json` and `.ndjson`, with per-line errors.
@Suite struct CallbackFilesTests {
    @Test func badLinesAreReportedWithFileAndLineAndGoodLinesGoIn() throws {
        let good = try Fixtures.callback("spec-2.3-in_progress.json")
        var missing = try Fixtures.callbackJSON("spec-2.3-completed.json")
        missing.set("untrusted.callback_payload.workflow.job_name", nil)
        let lines = [
            String(
                decoding: try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: good)),
                as: UTF8.self),
            "{not json",
            "",
            String(decoding: missing.data, as: UTF8.self),
            String(decoding: try Fixtures.callback("spec-2.3-completed.json").filter { $0 != 0x0A }, as: UTF8.self),
        ]
        let batch = CallbackFiles.read(
            Data(lines.joined(separator: "\n").utf8), name: "x.ndjson", ndjson: true, receivedAt: .now)
        #expect(batch.entries.count == 2)
        #expect(batch.entries.map(\.record.status) == ["in_progress", "completed"])
        #expect(batch.rejections.map(\.location) == ["x.ndjson:2", "x.ndjson:4"])
        #expect(batch.rejections[1].reason.hasPrefix("untrusted.callback_payload.workflow.job_name: missing"))
    }

    @Test func aJSONFileIsOneBody() throws {
        let url = Fixtures.root.appendingPathComponent("Tests/Fixtures/callbacks/spec-2.3-completed.json")
        let batch = try CallbackFiles.read(path: url.path, receivedAt: .now)
        #expect(batch.entries.count == 1)
        #expect(batch.rejections.isEmpty)
    }

    @Test func theSampleDataIsAllValid() throws {
        let url = Fixtures.root.appendingPathComponent("data/samples/callbacks.ndjson")
        let batch = try CallbackFiles.read(path: url.path, receivedAt: .now)
        #expect(batch.rejections.isEmpty)
        #expect(batch.entries.count > 60)
        #expect(Set(batch.entries.map(\.record.downstreamRepoLevel)) == ["L2", "L3", "L4"])
    }
}
