import Foundation

/// Reads relay bodies from files for `oot-hud ingest`: a `.json` file holds one body, an
/// `.ndjson` file (or standard input, `-`) one body per line.
///
/// Each body gets the endpoint's rules (``ExtractedCallback/extract(fromBody:)``): one that cannot
/// be stored is reported with its `file:line` and the good ones still go in; a field dropped from a
/// stored body is reported as a warning.
public enum CallbackFiles {
    /// A body that was refused.
    public struct Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        /// `path:line` (line 1 for a `.json` file).
        public let location: String
        /// Why.
        public let reason: String
        public var description: String { "\(location): \(reason)" }
    }

    /// An optional field dropped from an accepted body (spec §14.2), with where the body was.
    public struct Warning: Equatable, Sendable, CustomStringConvertible {
        /// `path:line` (line 1 for a `.json` file).
        public let location: String
        /// The field and what was done.
        public let warning: CallbackWarning
        /// `path:line: warning: field: reason`, as compilers print it.
        public var description: String { "\(location): warning: \(warning)" }
    }

    /// The outcome of reading one input.
    public struct Batch: Sendable {
        /// Accepted bodies, in file order.
        public var entries: [CallbackLog.Entry] = []
        /// Refused bodies.
        public var rejections: [Rejection] = []
        /// Fields dropped from accepted bodies, in file order.
        public var warnings: [Warning] = []
    }

    /// Largest body accepted, as at the endpoint (2 MiB).
    public static let maxBodyBytes = 2 * 1024 * 1024

    /// Reads `data`, named `name`, as NDJSON (`ndjson: true`) or as one JSON body.
    ///
    /// - Parameter receivedAt: The receive time recorded for every body.
    public static func read(_ data: Data, name: String, ndjson: Bool, receivedAt: UTCTimestamp) -> Batch {
        var batch = Batch()
        func accept(_ body: Data, line: Int) {
            let location = "\(name):\(line)"
            guard body.count <= maxBodyBytes else {
                batch.rejections.append(Rejection(location: location, reason: "Payload exceeds 2MB limit"))
                return
            }
            do {
                let extracted = try ExtractedCallback.extract(fromBody: body)
                batch.entries.append(CallbackLog.Entry(body: body, record: extracted.record, receivedAt: receivedAt))
                batch.warnings += extracted.warnings.map { Warning(location: location, warning: $0) }
            } catch {
                batch.rejections.append(Rejection(location: location, reason: error.description))
            }
        }
        if ndjson {
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                var body = Data(line)
                if body.last == UInt8(ascii: "\r") { body.removeLast() }
                if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                accept(body, line: lineNumber)
            }
        } else {
            accept(data, line: 1)
        }
        return batch
    }

    /// Reads the file at `path` (`.ndjson`/`.jsonl` line by line, anything else as one body).
    ///
    /// - Throws: ``Rejection`` when the file cannot be read.
    public static func read(path: String, receivedAt: UTCTimestamp) throws(Rejection) -> Batch {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Rejection(location: path, reason: "cannot read the file")
        }
        let lower = path.lowercased()
        return read(
            data, name: path, ndjson: lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl"), receivedAt: receivedAt)
    }
}
