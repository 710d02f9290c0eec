import Foundation

/// Finds the project folders (`templates/`, `data/`) for defaults: the current directory when
/// it holds them, else the checkout this binary was built from.
enum ProjectPaths {
    static var root: String {
        let cwd = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: cwd + "/templates/layout.mustache") { return cwd }
        // Sources/oot-hud/ProjectPaths.swift → the package root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: source + "/templates/layout.mustache") { return source }
        return cwd
    }

    static var templates: String { root + "/templates" }
    static var queries: String { root + "/data/queries" }
    static var samples: String { root + "/data/samples" }
}
