import CPosix
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Atomic publishing with two trees and a `current` symlink.
///
/// ```
/// <out>/current  -> .oot-site/a     what the web server serves
/// <out>/previous -> .oot-site/b     the build before, for `oot-hud rollback`
/// <out>/.oot-site/state.json        which tree holds which build, and the build bookkeeping
/// <out>/.oot-site/changes-<n>.txt   the paths build n wrote or removed
/// ```
///
/// A build renders into the tree that is not `current` (the scratch tree). First the scratch tree
/// is brought to the current build's content: files the last build changed are hard-linked from
/// the current tree (cost follows the last build's changes), or, when its state is unknown, the
/// whole current tree is hard-linked into it. Pages are then written there with write-to-temp +
/// rename, which never modifies a linked inode, so the served tree is never touched; unchanged
/// files stay hard links and keep their mtime (`rsync -a`/`aws s3 sync` see them unchanged).
/// Publishing renames a fresh symlink over `current`, an atomic switch: a build killed at any
/// point leaves the previous site fully served.
public final class SitePublisher {
    /// Bookkeeping kept in `state.json`.
    public struct State: Codable, Sendable, Equatable {
        /// One tree's content.
        public struct Tree: Codable, Sendable, Equatable {
            /// The build number whose pages it holds.
            public var build: Int
            /// `false` while a build is writing into it (its content is then unknown).
            public var clean: Bool
        }

        /// `a` and `b`.
        public var trees: [String: Tree] = [:]
        /// The number of the last published build (0 before the first).
        public var build = 0
        /// What the last build rendered with (templates, queries, options); a change forces a full build.
        public var fingerprint = ""
        /// The instant the last published build described (UTC, ISO-8601).
        public var renderedAt: String?
        /// When each backend's pages were last rendered (UTC, ISO-8601), for the hourly refresh.
        public var backendsRenderedAt: [String: String] = [:]
        /// Set by rollback: the next build must render everything.
        public var forceFull: String?
        /// What each backend's published PR matrix shows (landing page, older pages), by repo;
        /// `nil` in a state saved before it was kept (the next build then renders every older
        /// page of a changed backend).
        var matrices: [String: MatrixPages]?
        /// What the published trunk grid shows (landing commits by sequence number, older pages);
        /// `nil` when not kept (the next build renders every older page).
        var trunk: MatrixPages?
        /// When the trunk grid's landing pages were last rendered (UTC, ISO-8601), for the hourly
        /// refresh of relative times and running jobs.
        var trunkRenderedAt: String?
        /// A digest of each A–Z letter's tests as published (``SearchPage/digests(history:)``), so
        /// an incremental build rewrites only the letters whose list changed; `nil` when not kept.
        var searchLetters: [String: String]?
    }

    /// The output directory.
    public let root: URL
    /// `<out>/.oot-site`.
    public let home: URL
    /// The state as last read or saved.
    public private(set) var state: State
    /// The tree being written by the build in progress (`a` or `b`).
    public private(set) var scratch = "a"

    /// Opens (creating when missing) the publishing layout under `outputDirectory`.
    ///
    /// - Throws: ``SiteWriterError`` when the directory cannot be created or the state is unreadable.
    public init(outputDirectory: String) throws(SiteWriterError) {
        root = URL(fileURLWithPath: outputDirectory, isDirectory: true).standardizedFileURL
        home = root.appendingPathComponent(".oot-site", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError.cannotCreateOutput(root.path, error)
        }
        guard FileManager.default.isWritableFile(atPath: root.path) else {
            throw SiteWriterError(path: root.path, reason: "the output directory is not writable")
        }
        let file = home.appendingPathComponent("state.json")
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                state = try JSONDecoder().decode(State.self, from: data)
            } catch {
                throw SiteWriterError(
                    path: file.path, reason: "unreadable build state (delete it to rebuild everything): \(error)")
            }
        } else {
            state = State()
        }
    }

    /// The tree `current` points to (`a`/`b`), or `nil` before the first publish (no `current`,
    /// or one this publisher did not make).
    ///
    /// - Throws: ``SiteWriterError`` when `current` exists but cannot be read.
    public var currentTree: String? {
        get throws(SiteWriterError) {
            let link = root.appendingPathComponent("current").path
            let target: String
            do {
                target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
            } catch CocoaError.fileReadNoSuchFile, CocoaError.fileNoSuchFile {
                return nil
            } catch {
                // Not a link (a file or folder someone put there) is not a published build.
                let type: FileAttributeType?
                do {
                    type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
                } catch {
                    throw SiteWriterError(path: link, reason: "cannot read it: \(error.localizedDescription)")
                }
                guard type == .typeSymbolicLink else { return nil }
                throw SiteWriterError(path: link, reason: "cannot read the link: \(error.localizedDescription)")
            }
            let name = (target as NSString).lastPathComponent
            return ["a", "b"].contains(name) ? name : nil
        }
    }

    /// The directory of tree `name`.
    public func tree(_ name: String) -> URL { home.appendingPathComponent(name, isDirectory: true) }

    /// Prepares the scratch tree: marks it dirty, then syncs it to the current build's content.
    ///
    /// - Returns: The scratch tree's directory, where the build writes.
    /// - Throws: ``SiteWriterError`` on file-system errors.
    public func prepare() throws(SiteWriterError) -> URL {
        let current = try currentTree
        if let current, let served = state.trees[current], served.clean, served.build == state.build + 1 {
            // Killed between the switch and the last state save: the symlink is the truth.
            state.build = served.build
            state.forceFull = nil
        }
        scratch = current == "a" ? "b" : "a"
        let target = tree(scratch)
        let before = state.trees[scratch]
        state.trees[scratch] = State.Tree(build: before?.build ?? 0, clean: false)
        try save()
        guard let current else {
            try ensureDirectory(target)
            return target
        }
        let source = tree(current)
        if let before, before.clean, before.build == state.build - 1,
            let changed = changes(of: state.build)
        {
            for path in changed { try mirror(path, from: source, to: target) }
        } else {
            try? FileManager.default.removeItem(at: target)
            try cloneTree(from: source, to: target)
        }
        return target
    }

    /// Records build `state.build + 1` as the content of the scratch tree and switches `current` to it.
    ///
    /// - Parameters:
    ///   - changed: Paths the build wrote or removed (relative to the tree).
    ///   - update: Adjusts the bookkeeping of the new build (fingerprint, render times).
    /// - Throws: ``SiteWriterError`` on file-system errors.
    public func publish(changed: [String], update: (inout State) -> Void) throws(SiteWriterError) {
        let build = state.build + 1
        let list = home.appendingPathComponent("changes-\(build).txt")
        do {
            try Data(changed.joined(separator: "\n").utf8).write(to: list, options: .atomic)
        } catch {
            throw SiteWriterError(
                path: list.path, reason: "cannot record the changed paths: \(error.localizedDescription)")
        }
        try flush(tree(scratch))
        let old = try currentTree
        state.trees[scratch] = State.Tree(build: build, clean: true)
        update(&state)
        try save()
        try pointSymlink("current", to: scratch)
        if let old { try pointSymlink("previous", to: old) }
        state.build = build
        state.forceFull = nil
        try save()
        for stale in [build - 2, build - 3] where stale > 0 {
            try? FileManager.default.removeItem(at: home.appendingPathComponent("changes-\(stale).txt"))
        }
    }

    /// Switches `current` back to the previous build's tree and forces the next build to be full
    /// (the database has moved on since that tree was rendered).
    ///
    /// - Returns: A one-line description of what was done.
    /// - Throws: ``SiteWriterError`` when there is no previous build.
    public func rollback() throws(SiteWriterError) -> String {
        guard let current = try currentTree else {
            throw SiteWriterError(path: root.path, reason: "nothing published yet")
        }
        let previous = current == "a" ? "b" : "a"
        guard let tree = state.trees[previous], tree.clean, tree.build > 0,
            FileManager.default.fileExists(atPath: self.tree(previous).path)
        else {
            throw SiteWriterError(path: root.path, reason: "no complete previous build to roll back to")
        }
        // The tree we leave is newer than the one we serve: the next build must not trust it.
        state.trees[current]?.clean = false
        state.forceFull = "rollback"
        try save()
        try pointSymlink("current", to: previous)
        try pointSymlink("previous", to: current)
        let from = state.build
        state.build = tree.build
        try save()
        return "current now serves build \(tree.build) (was \(from)); the next build renders everything"
    }

    /// The paths build `n` changed, or `nil` when the record is gone.
    private func changes(of n: Int) -> [String]? {
        guard let data = FileManager.default.contents(atPath: home.appendingPathComponent("changes-\(n).txt").path)
        else {
            return nil
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Flushes the file system holding `directory` to disk (`syncfs`), so that every page the
    /// build wrote (without an `fsync` each, see ``SiteWriter``) is durable before `current` points
    /// at it.
    ///
    /// - Throws: ``SiteWriterError`` when the tree cannot be opened or flushed.
    private func flush(_ directory: URL) throws(SiteWriterError) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SiteWriterError(path: directory.path, reason: "cannot open: \(SiteWriter.errnoText)")
        }
        defer { close(fd) }
        guard cposix_syncfs(fd) == 0 else {
            throw SiteWriterError(path: directory.path, reason: "cannot flush: \(SiteWriter.errnoText)")
        }
    }

    /// Makes `path` in `target` the same file as in `source` (a hard link), or removes it.
    private func mirror(_ path: String, from source: URL, to target: URL) throws(SiteWriterError) {
        try SiteWriter.validate(path)
        let from = source.appendingPathComponent(path).path
        let to = target.appendingPathComponent(path)
        unlink(to.path)
        guard FileManager.default.fileExists(atPath: from) else { return }
        try ensureDirectory(to.deletingLastPathComponent())
        if link(from, to.path) != 0 {
            throw SiteWriterError(path: to.path, reason: "cannot link: \(SiteWriter.errnoText)")
        }
    }

    /// Hard-links every file of `source` into a new tree at `target`.
    private func cloneTree(from source: URL, to target: URL) throws(SiteWriterError) {
        try ensureDirectory(target)
        guard let walker = FileManager.default.enumerator(atPath: source.path) else { return }
        while let relative = walker.nextObject() as? String {
            let from = source.appendingPathComponent(relative).path
            let to = target.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if mkdir(to, 0o755) != 0 && errno != EEXIST {
                    throw SiteWriterError(path: to, reason: "cannot create: \(SiteWriter.errnoText)")
                }
            } else if link(from, to) != 0 {
                throw SiteWriterError(path: to, reason: "cannot link: \(SiteWriter.errnoText)")
            }
        }
    }

    private func ensureDirectory(_ url: URL) throws(SiteWriterError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SiteWriterError(path: url.path, reason: "cannot create: \(error.localizedDescription)")
        }
    }

    /// Points `<out>/<name>` at `.oot-site/<tree>` atomically (a new symlink renamed over the old one).
    private func pointSymlink(_ name: String, to treeName: String) throws(SiteWriterError) {
        let link = root.appendingPathComponent(name).path
        let temporary = root.appendingPathComponent(".\(name).\(getpid()).tmp").path
        unlink(temporary)
        guard symlink(".oot-site/\(treeName)", temporary) == 0, rename(temporary, link) == 0 else {
            let reason = SiteWriter.errnoText
            unlink(temporary)
            throw SiteWriterError(path: link, reason: "cannot switch the symlink: \(reason)")
        }
    }

    private func save() throws(SiteWriterError) {
        let file = home.appendingPathComponent("state.json")
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(state).write(to: file, options: .atomic)
        } catch {
            throw SiteWriterError(path: file.path, reason: "cannot save the build state: \(error.localizedDescription)")
        }
    }
}
