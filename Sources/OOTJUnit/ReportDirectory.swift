import Foundation

/// A directory of JUnit reports, as test runners leave them (`test-reports/*.xml`, one file per
/// suite or per shard): the harvester reads an artifact directory this way, and `oot-hud junit`
/// a directory argument.
public enum ReportDirectory {
    /// The `*.xml` files directly inside `path` (any letter case, dotfiles left out), by name.
    ///
    /// - Parameter path: A directory.
    /// - Returns: Their paths (`path/name`), sorted by name; empty when there is none.
    /// - Throws: The file system's error when the directory cannot be listed.
    public static func reports(in path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// `true` when `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
