import Foundation
import Yams

/// The allowlist file could not be used.
public struct AllowlistError: Error, Equatable, CustomStringConvertible {
    /// The file.
    public let source: String
    /// What was wrong.
    public let reason: String
    public var description: String { "\(source): \(reason)" }
}
