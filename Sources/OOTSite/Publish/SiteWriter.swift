import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes pages under an output directory.
///
/// Every relative path is checked before use (no absolute paths, no `.`/`..` segments, no NUL,
/// no backslashes), so nothing is ever written outside the directory. A file whose bytes are
/// unchanged is not rewritten, so its mtime is kept and `rsync`/`aws s3 sync` upload only what changed.
public final class SiteWriter {
    /// The output directory (absolute).
    public let root: URL
    /// What this writer (and the writers it absorbed) did.
    public private(set) var files = WrittenFiles()
    /// Directories this writer made or found, so each is created once, not once per file.
    private var directories: Set<String> = []
    /// Files written because they were new or changed.
    public var written: Int { files.written }
    /// Files left alone because their bytes were identical.
    public var unchanged: Int { files.unchanged }
    /// Relative paths written (new or changed) or removed, in order.
    public var changed: [String] { files.changed }

    /// Prepares `directory` (created when missing).
    ///
    /// - Throws: ``SiteWriterError`` when it cannot be created or written to.
    public init(directory: String) throws(SiteWriterError) {
        root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError.cannotCreateOutput(root.path, error)
        }
        guard FileManager.default.isWritableFile(atPath: root.path) else {
            throw SiteWriterError(path: root.path, reason: "the output directory is not writable")
        }
    }

    /// Writes `contents` to `relativePath` (for example `oot/org/repo/index.html`).
    ///
    /// - Throws: ``SiteWriterError`` for an unsafe path or a failed write.
    public func write(_ contents: String, to relativePath: String) throws(SiteWriterError) {
        try write(Data(contents.utf8), to: relativePath)
    }

    /// Writes raw bytes to `relativePath`.
    ///
    /// - Throws: ``SiteWriterError`` for an unsafe path or a failed write.
    public func write(_ data: Data, to relativePath: String) throws(SiteWriterError) {
        try Self.validate(relativePath)
        let url = root.appendingPathComponent(relativePath)
        files.paths.insert(relativePath)
        if let existing = FileManager.default.contents(atPath: url.path), existing == data {
            files.unchanged += 1
            return
        }
        do {
            let directory = url.deletingLastPathComponent()
            if !directories.contains(directory.path) {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                directories.insert(directory.path)
            }
        } catch {
            throw SiteWriterError(path: url.path, reason: "write failed: \(error.localizedDescription)")
        }
        try Self.replace(url, with: data)
        files.written += 1
        files.changed.append(relativePath)
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
    ///
    /// The rename gives the path a new inode, so a hard link shared with the served tree is never
    /// modified (``SitePublisher``). There is no `fsync` per file (Foundation's `Data.write` does
    /// one on every write, even a non-atomic one, which cost a third of an incremental build's
    /// writing): ``SitePublisher/publish(changed:update:)`` flushes the whole tree once, before
    /// switching to it. The temporary name starts with `.oot-tmp-`; one left by a killed build is
    /// removed by the next full build.
    ///
    /// - Throws: ``SiteWriterError`` naming the path and the system's reason.
    private static func replace(_ url: URL, with data: Data) throws(SiteWriterError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".oot-tmp-" + url.lastPathComponent).path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriterError(path: url.path, reason: "write failed: \(Self.errnoText)") }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let wrote = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    failure = Self.errnoText
                    return
                }
                offset += wrote
            }
        }
        if close(fd) != 0, failure == nil { failure = Self.errnoText }
        if failure == nil, rename(temporary, url.path) != 0 { failure = Self.errnoText }
        if let failure {
            unlink(temporary)
            throw SiteWriterError(path: url.path, reason: "write failed: \(failure)")
        }
    }

    /// The current `errno` as text (also for ``SitePublisher``'s system calls).
    static var errnoText: String { String(cString: strerror(errno)) }

    /// Adds what other writers did (parallel workers write disjoint paths under the same root;
    /// their records are merged before ``removeFilesNotWritten()``).
    public func absorb(_ other: WrittenFiles) { files.add(other) }

    /// Removes every file under the root that this build did not produce (after a full build),
    /// and directories left empty.
    ///
    /// Hidden entries at the top (`.oot-site`) are left alone.
    ///
    /// - Returns: The number of files removed.
    /// - Throws: ``SiteWriterError`` when a file cannot be removed.
    @discardableResult
    public func removeFilesNotWritten() throws(SiteWriterError) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return 0 }
        var removed = 0
        var folders: [String] = []
        defer { directories = [] }  // some may be gone
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix(".") { walker.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                folders.append(relative)
            } else if !files.paths.contains(relative) {
                do {
                    try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
                } catch {
                    throw SiteWriterError(
                        path: relative, reason: "cannot remove a stale page: \(error.localizedDescription)")
                }
                files.changed.append(relative)
                removed += 1
            }
        }
        for directory in folders.reversed() {
            let url = root.appendingPathComponent(directory)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return removed
    }

    /// Checks that `relativePath` stays inside the output directory.
    ///
    /// - Throws: ``SiteWriterError`` naming the problem.
    public static func validate(_ relativePath: String) throws(SiteWriterError) {
        func fail(_ reason: String) -> SiteWriterError { SiteWriterError(path: relativePath, reason: reason) }
        if relativePath.isEmpty { throw fail("empty path") }
        if relativePath.hasPrefix("/") { throw fail("absolute path") }
        if relativePath.contains("\0") || relativePath.contains("\\") { throw fail("NUL or backslash in path") }
        if relativePath.utf8.count > 1_024 { throw fail("path longer than 1024 bytes") }
        for segment in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." { throw fail("empty, '.' or '..' segment") }
            if segment.utf8.count > 255 { throw fail("segment longer than 255 bytes") }
        }
    }
}
