import Foundation
import OOTCore

/// `pr-comment` was asked for a PR the database has no job of (not reported yet, or not folded
/// by a build yet): a bot should post nothing.
public struct UnknownPRError: Error, CustomStringConvertible {
    /// The PR number asked for.
    public let number: Int64
    /// The database read.
    public let databasePath: String
    public var description: String {
        "no job of PR #\(number) in \(databasePath): the relay has not reported it, or no build has folded it yet"
    }
}
