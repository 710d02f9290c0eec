import Foundation

/// Fixture files shared by the test targets: the spec's sample relay bodies and the package root.
public enum Fixtures {
    /// The package root (Tests/OOTTestSupport/Fixtures.swift → ../..).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Bytes of `Tests/Fixtures/callbacks/<name>`.
    public static func callback(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/callbacks/\(name)"))
    }

    /// The parsed JSON of a fixture callback, for editing in a test.
    public static func callbackJSON(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: callback(name)) as! [String: Any]
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ prefix: String = "oot-hud-tests") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A database path in a fresh temporary directory (the file does not exist yet).
    public static func temporaryDatabase() throws -> (path: String, directory: URL) {
        let dir = try temporaryDirectory()
        return (dir.appendingPathComponent("oot.sqlite").path, dir)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a value at a dotted path (`untrusted.callback_payload.workflow.job_name`); `nil` removes it.
    public mutating func set(_ path: String, _ value: Any?) {
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

    /// Serialised JSON (sorted keys).
    public var data: Data { try! JSONSerialization.data(withJSONObject: self, options: [.sortedKeys]) }
}
