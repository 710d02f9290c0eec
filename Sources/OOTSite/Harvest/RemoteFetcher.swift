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

/// A downloaded artifact on local disk.
struct DownloadedArtifact {
    /// The file.
    let file: URL
    /// The response's `Content-Type`, if any.
    let contentType: String?
    /// The URL finally fetched (after redirects).
    let finalURL: URL
}

/// Fetches `http(s)` artifacts with AsyncHTTPClient under a ``RemoteFetchPolicy``: redirects are
/// followed by hand so each hop is checked; bodies stream to disk and stop at the byte cap.
final class RemoteFetcher: Sendable {
    let policy: RemoteFetchPolicy
    private let client: HTTPClient

    init(policy: RemoteFetchPolicy) {
        self.policy = policy
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(min(30, policy.timeoutSeconds)))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Downloads `url` into `directory`.
    func fetch(_ url: URL, into directory: URL) async -> Result<DownloadedArtifact, ArtifactError> {
        var current = url
        let deadline = NIODeadline.now() + .seconds(policy.timeoutSeconds)
        for _ in 0...policy.maxRedirects {
            if let problem = policy.check(current) { return .failure(problem) }
            var request = HTTPClientRequest(url: current.absoluteString)
            request.headers.add(name: "User-Agent", value: "oot-hud artifact harvester")
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch {
                return .failure(.retryable("fetching \(current.absoluteString) failed: \(Self.describe(error))"))
            }
            let status = Int(response.status.code)
            if (300..<400).contains(status) {
                guard let location = response.headers.first(name: "location"),
                    let next = URL(string: location, relativeTo: current)?.absoluteURL
                else { return .failure(.refused("HTTP \(status) without a usable Location")) }
                current = next
                continue
            }
            if status >= 500 || status == 429 || status == 408 {
                return .failure(.retryable("HTTP \(status) from \(current.host ?? "")"))
            }
            guard status == 200 else { return .failure(.refused("HTTP \(status) for \(current.absoluteString)")) }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > policy.maxBytes {
                return .failure(
                    .tooLarge("the artifact is \(length >> 20) MiB, over the \(policy.maxBytes >> 20) MiB cap"))
            }
            let file = directory.appendingPathComponent("download-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: file.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: file)
            else { return .failure(.retryable("cannot write a temporary file in \(directory.path)")) }
            defer { try? handle.close() }
            var received = 0
            do {
                for try await chunk in response.body {
                    received += chunk.readableBytes
                    if received > policy.maxBytes {
                        return .failure(.tooLarge("the artifact is over the \(policy.maxBytes >> 20) MiB cap"))
                    }
                    try handle.write(contentsOf: Data(chunk.readableBytesView))
                }
            } catch {
                return .failure(.retryable("download of \(current.absoluteString) broke off: \(Self.describe(error))"))
            }
            return .success(
                DownloadedArtifact(
                    file: file, contentType: response.headers.first(name: "content-type"), finalURL: current))
        }
        return .failure(.refused("more than \(policy.maxRedirects) redirects"))
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return String(describing: error)
    }
}
