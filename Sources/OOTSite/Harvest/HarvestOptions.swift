import Foundation
import OOTCore
import OOTJUnit

/// Settings of the harvest stage.
public struct HarvestOptions: Sendable {
    /// Directories `file://` artifact URLs may point into.
    public var artifactRoots: [String]
    /// The drop folder (`<org>/<repo>/<check_run_id>/*.xml`), if any.
    public var dropFolder: String?
    /// What remote fetching may do (default: nothing; hosts must be listed).
    public var remote: RemoteFetchPolicy
    /// Limits per report file.
    public var limits: JUnitParser.Limits
    /// Fetch attempts per artifact across builds before its last error stays.
    public var maxAttempts: Int
    /// The most bytes one artifact may unpack to.
    public var maxUncompressedBytes: Int
    /// Artifacts fetched at once.
    public var concurrency: Int

    /// Creates options.
    public init(
        artifactRoots: [String] = [], dropFolder: String? = nil, remote: RemoteFetchPolicy = RemoteFetchPolicy(),
        limits: JUnitParser.Limits = JUnitParser.Limits(), maxAttempts: Int = 3, maxUncompressedBytes: Int = 256 << 20,
        concurrency: Int = 4
    ) {
        self.artifactRoots = artifactRoots
        self.dropFolder = dropFolder
        self.remote = remote
        self.limits = limits
        self.maxAttempts = maxAttempts
        self.maxUncompressedBytes = maxUncompressedBytes
        self.concurrency = concurrency
    }
}
