import Foundation

/// A page could not be written.
public struct SiteWriterError: Error, Equatable, CustomStringConvertible {
    /// The path concerned.
    public let path: String
    /// What went wrong.
    public let reason: String
    public var description: String { "\(path): \(reason)" }

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// Why the output directory `path` could not be created, in the user's terms: which path
    /// component is a file, or the system's reason (`strerror`) rather than Foundation's code.
    static func cannotCreateOutput(_ path: String, _ error: any Error) -> SiteWriterError {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory), !isDirectory.boolValue {
                let blocker = prefix == path ? "a file is at that path" : "\(prefix) is a file, not a directory"
                return SiteWriterError(path: path, reason: "cannot create the output directory: \(blocker)")
            }
        }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let reason =
            underlying.map {
                $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription
            }
            ?? error.localizedDescription
        return SiteWriterError(path: path, reason: "cannot create the output directory: \(reason)")
    }
}
