import Foundation

/// Runs Debian's `/usr/bin/python3` (with the packages `scripts/setup` installs: python3-jsonschema,
/// python3-selenium) for the tests that check pages with a real outside tool.
enum Python {
    /// Runs `python3 arguments…` to the end and returns its exit status and its output (stdout and
    /// stderr together).
    ///
    /// - Throws: When `/usr/bin/python3` cannot be started.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
