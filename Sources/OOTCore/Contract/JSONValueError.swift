import Foundation

/// Why a body could not be read as JSON.
public enum JSONValueError: Error, Equatable, CustomStringConvertible {
    /// The text is not well-formed JSON; the associated value is the decoder's explanation.
    case malformed(String)
    /// Arrays/objects nest deeper than the limit given.
    case tooDeep(Int)

    public var description: String {
        switch self {
        case .malformed(let why): "body is not valid JSON: \(why)"
        case .tooDeep(let limit): "body nests arrays/objects deeper than \(limit) levels"
        }
    }
}
