import AsyncHTTPClient
import Foundation
import NIOCore

/// What remote artifact fetching may do.
///
/// The defaults fetch nothing: hosts must be listed.
public struct RemoteFetchPolicy: Sendable {
    /// Hosts artifacts may come from: `example.org` (exactly) or `.example.org` (any subdomain).
    public var hosts: [String]
    /// Also allow plain `http://`.
    public var allowHTTP: Bool
    /// Allow loopback, private, link-local and unique-local addresses (off: SSRF guard).
    public var allowPrivateAddresses: Bool
    /// Largest download, in bytes (default 256 MiB).
    public var maxBytes: Int
    /// Time allowed for one fetch, in seconds.
    public var timeoutSeconds: Int64
    /// Redirects followed per fetch, each checked like the first URL.
    public var maxRedirects: Int

    /// Creates a policy.
    public init(
        hosts: [String] = [], allowHTTP: Bool = false, allowPrivateAddresses: Bool = false, maxBytes: Int = 256 << 20,
        timeoutSeconds: Int64 = 60, maxRedirects: Int = 5
    ) {
        self.hosts = hosts
        self.allowHTTP = allowHTTP
        self.allowPrivateAddresses = allowPrivateAddresses
        self.maxBytes = maxBytes
        self.timeoutSeconds = timeoutSeconds
        self.maxRedirects = maxRedirects
    }

    /// Checks a URL against the policy: scheme, host allowlist, and (after resolving) addresses.
    func check(_ url: URL) -> ArtifactError? {
        let scheme = url.scheme?.lowercased() ?? ""
        guard scheme == "https" || (scheme == "http" && allowHTTP) else {
            return .refused("\(scheme.isEmpty ? "a URL without a scheme" : scheme + "://") artifacts are not fetched")
        }
        guard let host = url.host?.lowercased(), !host.isEmpty else { return .refused("artifact URL has no host") }
        let allowed = hosts.contains { entry in
            let entry = entry.lowercased()
            return entry.hasPrefix(".") ? host.hasSuffix(entry) || host == String(entry.dropFirst()) : host == entry
        }
        guard allowed else { return .refused("host \(host) is not on the artifact host allowlist") }
        guard !allowPrivateAddresses else { return nil }
        switch AddressPolicy.resolve(host, port: url.port ?? (scheme == "https" ? 443 : 80)) {
        case .failure(let error): return error
        case .success(let addresses):
            if addresses.isEmpty { return .retryable("\(host) has no address") }
            if !addresses.allSatisfy(AddressPolicy.isPublic) {
                return .refused("\(host) resolves to a private or loopback address (SSRF guard)")
            }
            return nil
        }
    }
}
