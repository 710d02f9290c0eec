import Foundation

/// What a build renders with, as one hash: the templates, the saved queries, the allowlist, the
/// options that change pages and the program (its path, size and mtime).
///
/// When it differs from the last published build's, the build renders everything (an incremental
/// build would mix old and new looks).
enum Fingerprint {
    /// The fingerprint of `options` (16 hex digits; FNV-1a 64 over file names and bytes).
    static func of(_ options: BuildOptions) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x100_0000_01b3
        }
        for directory in [options.templatesDirectory, options.queriesDirectory] {
            let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
            for file in files {
                let path = directory + "/" + file
                mix(file.utf8)
                if let data = FileManager.default.contents(atPath: path) { mix(data) }
            }
        }
        if let allowlist = options.allowlistPath, let data = FileManager.default.contents(atPath: allowlist) {
            mix(data)
        }
        let settings = [
            "\(options.days)", "\(options.prsPerPage)", "\(options.commitsPerPage)", "\(options.testcasesPerJobPage)",
            options.siteURL ?? "",
            "\(options.greenThreshold)", "\(options.yellowThreshold)", "\(options.staleHours)",
            "\(options.readiness.days)", "\(options.readiness.passRate)", "\(options.readiness.timeoutRate)",
            "\(options.readiness.queueSeconds)", "\(options.readiness.runSeconds)",
        ]
        mix(settings.joined(separator: "\u{1F}").utf8)
        // The program itself: a new oot-hud renders pages differently.
        if let executable = Bundle.main.executablePath {
            mix(executable.utf8)
            // A binary replaced while it runs (an upgrade in place) has no attributes left: its
            // path alone is mixed, so the next run, with the new binary's size and mtime, differs
            // and renders everything, which is what an upgrade needs.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
                let size = attributes[.size] as? Int ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                mix("\(size)\u{1F}\(modified)".utf8)
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
