import CompressNIO
import Foundation
import NIOCore
import OOTJUnit
import ZIPFoundation

/// One report file to parse, with the name shown in errors.
struct ReportFile: Equatable, Sendable {
    /// Where it is on disk (inside an artifact root, a drop folder, or the harvest's work directory).
    let path: String
    /// A display name (a zip entry's path, a file name); never used as a path.
    let name: String
}
