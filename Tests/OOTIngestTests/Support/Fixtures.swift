import Foundation

/// Fixture callbacks from `Tests/Fixtures/callbacks`.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func callback(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/callbacks/\(name)"))
    }

    static func callbackJSON(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: callback(name)) as! [String: Any]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a value at a dotted path; `nil` removes it.
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

    var data: Data { try! JSONSerialization.data(withJSONObject: self, options: [.sortedKeys]) }
}
