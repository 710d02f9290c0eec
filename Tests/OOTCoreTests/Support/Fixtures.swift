import Foundation
import OOTCore

/// Paths and helpers shared by the OOTCore tests: real fixture files and real SQLite files.
enum Fixtures {
    /// The package root (Tests/OOTCoreTests/Support/Fixtures.swift → ../../..).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Bytes of `Tests/Fixtures/callbacks/<name>`.
    static func callback(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/callbacks/\(name)"))
    }

    /// The parsed JSON of a fixture callback, for editing in a test.
    static func callbackJSON(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: callback(name)) as! [String: Any]
    }

    /// A new, empty database file in a fresh temporary directory.
    static func temporaryDatabase() throws -> (path: String, directory: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oot-hud-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir.appendingPathComponent("oot.sqlite").path, dir)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a value at a dotted path (`untrusted.callback_payload.workflow.job_name`); `nil` removes it.
    mutating func set(_ path: String, _ value: Any?) {
        let keys = path.split(separator: ".").map(String.init)
        func update(_ dict: inout [String: Any], _ keys: ArraySlice<String>) {
            guard let first = keys.first else { return }
            if keys.count == 1 {
                dict[first] = value
            } else {
                var child = dict[first] as? [String: Any] ?? [:]
                update(&child, keys.dropFirst())
                dict[first] = child
            }
        }
        update(&self, keys[...])
    }

    /// Serialised JSON.
    var data: Data { try! JSONSerialization.data(withJSONObject: self, options: [.sortedKeys]) }
}
