import Foundation

/// The build lock could not be taken.
public enum BuildLockError: Error, Equatable, CustomStringConvertible {
    /// Another build holds the lock (`holder` is its pid as it wrote it).
    case busy(path: String, holder: String)
    /// The lock file could not be opened.
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let path, let holder):
            return "another oot-hud build is running (pid \(holder) holds \(path)); this one exits without building"
        case .unavailable(let path, let reason):
            return "cannot open the build lock \(path): \(reason)"
        }
    }
}
