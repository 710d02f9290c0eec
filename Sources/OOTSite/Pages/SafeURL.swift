/// URLs from payloads are untrusted: only absolute `http`/`https` URLs with a host become links.
public enum SafeURL {
    /// `url` when it is `http://host…` or `https://host…` without spaces, control characters or
    /// any of `\\ < > " ``;
    /// otherwise `nil` (so `javascript:`, `data:`, `file:` and relative tricks are never an href).
    public static func external(_ url: String?) -> String? {
        guard let url, url.utf8.count <= 2_048 else { return nil }
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = url.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = url.dropFirst(7)
        } else {
            return nil
        }
        guard let first = rest.first, first != "/", first != "\\" else { return nil }
        guard
            !url.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value == 0x7F || "\\<>\"`".unicodeScalars.contains($0)
            })
        else {
            return nil
        }
        return url
    }

    /// The commit page `https://github.com/<repo>/commit/<sha>` when `repo` is an `owner/name`
    /// of GitHub's characters and `sha` is 7 to 64 hex digits; otherwise `nil`, so a payload's
    /// text never becomes a path (`../`) in a link.
    public static func commit(repo: String, sha: String) -> String? {
        let hex = sha.utf8.count >= 7 && sha.utf8.count <= 64 && sha.utf8.allSatisfy { Self.hexDigits.contains($0) }
        let parts = repo.split(separator: "/", omittingEmptySubsequences: false)
        let named =
            parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty && part != "." && part != ".."
                    && part.utf8.allSatisfy { Self.nameCharacters.contains($0) }
            }
        return hex && named ? external("https://github.com/\(repo)/commit/\(sha)") : nil
    }

    private static let hexDigits = Set("0123456789abcdefABCDEF".utf8)
    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
}
