import AsyncHTTPClient
import Foundation
import NIOCore

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
            let handle: FileHandle
            switch ArtifactUnpacker.newFile(file) {
            case .success(let opened): handle = opened
            case .failure(let error): return .failure(error)
            }
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
