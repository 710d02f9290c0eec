import Foundation

/// Decides where an `artifact_url` may be read from.
///
/// Payload URLs are untrusted: a `file://` URL is honoured only inside the configured artifact
/// roots, and never as a raw path.
///
/// `file:///abs/path` must resolve (after symlinks) inside one of the roots; a relative
/// `file://junit/x.xml` is resolved against the first root (the demo's `data/samples`).
public struct ArtifactLocator: Sendable {
    /// Where an artifact is.
    public enum Location: Equatable, Sendable {
        /// A local file or directory, by absolute resolved path.
        case local(String)
        /// An `http(s)` URL, fetched by the remote harvester (not in this build).
        case remote(String)
        /// Refused or absent, with the reason shown on the job page.
        case unavailable(String)
    }

    /// Resolved (real) root directories.
    public let roots: [String]

    /// Creates a locator for `roots` (directories; missing ones are ignored).
    public init(roots: [String]) {
        self.roots = roots.compactMap { Self.realPath($0) }
    }

    /// Resolves `artifactURL`.
    public func locate(_ artifactURL: String) -> Location {
        let lower = artifactURL.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return .remote(artifactURL) }
        guard lower.hasPrefix("file:") else {
            return .unavailable(
                "unsupported artifact URL scheme (only file:// inside the artifact roots, http and https)")
        }
        var rest = String(artifactURL.dropFirst(5))
        if rest.hasPrefix("//") { rest.removeFirst(2) }
        if rest.lowercased().hasPrefix("localhost/") { rest.removeFirst(9) }
        guard let decoded = rest.removingPercentEncoding, !decoded.isEmpty else {
            return .unavailable("malformed file URL")
        }
        if decoded.contains("\0") || decoded.split(separator: "/").contains("..") {
            return .unavailable("file URL with '..' or NUL refused")
        }
        guard let firstRoot = roots.first else {
            return .unavailable("no artifact root is configured for file:// URLs")
        }
        let candidate = decoded.hasPrefix("/") ? decoded : firstRoot + "/" + decoded
        guard let real = Self.realPath(candidate) else {
            return .unavailable("artifact not found: \(decoded)")
        }
        guard roots.contains(where: { real == $0 || real.hasPrefix($0 + "/") }) else {
            return .unavailable("file URL outside the artifact roots refused")
        }
        return .local(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
