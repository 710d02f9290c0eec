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
}
