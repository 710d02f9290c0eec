import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build at a time: an exclusive `flock` on `<database>.build.lock`, held for the whole
/// build and released by the kernel when the process exits, even on `kill -9`.
public final class BuildLock {
    /// The lock file.
    public let path: String
    /// The lock file's descriptor; -1 once closed (a failed init closes it itself, and Swift
    /// still runs `deinit` for a class whose init threw after setting every property).
    private var descriptor: Int32

    /// Takes the lock without waiting.
    ///
    /// - Parameter databasePath: The database the build works on; the lock file sits beside it.
    /// - Throws: ``BuildLockError/busy(path:holder:)`` when another build holds it, or
    ///   ``BuildLockError/unavailable(path:reason:)`` when the file cannot be opened.
    public init(databasePath: String) throws(BuildLockError) {
        path = databasePath + ".build.lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unavailable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            descriptor = -1
            if busy {
                let holder =
                    count > 0
                    ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    : "?"
                throw .busy(path: path, holder: holder)
            }
            throw .unavailable(path: path, reason: reason)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
    }

    deinit {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
