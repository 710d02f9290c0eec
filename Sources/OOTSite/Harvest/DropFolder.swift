import Foundation

/// The local drop folder, `<root>/<org>/<repo>/<check_run_id>/*.xml`: backends that sync their
/// reports (rsync, a bucket mount) instead of hosting them put them here.
///
/// Only plain path segments count (letters, digits, `.`, `_`, `-`, not starting with `.`), so a
/// folder name can never point outside the root.
struct DropFolder {
    /// The drop folder.
    let root: String

    /// One job's folder of reports.
    struct Entry: Equatable {
        let repo: String
        let checkRunID: String
        let path: String

        /// The `artifact_url` recorded for reports harvested from here.
        var marker: String { "drop:\(repo)/\(checkRunID)" }
    }

    /// Every `<org>/<repo>/<check_run_id>` folder (up to `limit`); none while the root does not
    /// exist yet.
    ///
    /// - Throws: `CocoaError` when a folder that exists cannot be listed (permissions): the
    ///   harvest stage fails rather than skip reports silently.
    func entries(limit: Int = 100_000) throws -> [Entry] {
        var entries: [Entry] = []
        for org in try Self.children(root) {
            for repo in try Self.children(root + "/" + org) {
                for checkRunID in try Self.children(root + "/" + org + "/" + repo) {
                    entries.append(
                        Entry(
                            repo: "\(org)/\(repo)", checkRunID: checkRunID, path: "\(root)/\(org)/\(repo)/\(checkRunID)"
                        ))
                    if entries.count == limit { return entries }
                }
            }
        }
        return entries
    }

    /// The plain-named subdirectories of `path`, sorted; none when `path` does not exist.
    ///
    /// - Throws: `CocoaError` when `path` exists but cannot be listed.
    static func children(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return isPlain(name) && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// `[A-Za-z0-9._-]+`, not starting with `.`, at most 100 bytes.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "."
                    || $0 == "_"
                    || $0 == "-"
            }
    }
}
