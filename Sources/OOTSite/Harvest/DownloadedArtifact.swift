import AsyncHTTPClient
import Foundation
import NIOCore

/// A downloaded artifact on local disk.
struct DownloadedArtifact {
    /// The file.
    let file: URL
    /// The response's `Content-Type`, if any.
    let contentType: String?
    /// The URL finally fetched (after redirects).
    let finalURL: URL
}
