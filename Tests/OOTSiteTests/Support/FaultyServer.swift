import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback TCP listener that misbehaves the way a broken artifact server does at the
/// connection level, where a well-behaved HTTP framework cannot be made to fail.
///
/// - ``Fault/reset``: reads the request, then aborts the connection (TCP RST: `SO_LINGER` 0);
/// - ``Fault/truncated``: answers `200` with `Content-Length: 100000`, sends 40 bytes of XML, closes.
///
/// Everything at the HTTP level (status codes, content types, slowness) is in ``ArtifactServer``.
/// Plain sockets on one thread; it serves until ``stop()``.
final class FaultyServer: @unchecked Sendable {
    enum Fault: Sendable { case reset, truncated }

    let port: Int
    private let listener: Int32
    var base: String { "http://127.0.0.1:\(port)" }

    init(_ fault: Fault) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { Self.serve(fd, fault) }
    }

    private static func serve(_ listener: Int32, _ fault: Fault) {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }  // the listener was closed
            var request = [UInt8](repeating: 0, count: 8192)
            _ = read(client, &request, request.count)
            switch fault {
            case .reset:
                var abort = linger(l_onoff: 1, l_linger: 0)
                setsockopt(client, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
            case .truncated:
                let reply = Array(
                    ("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n"
                        + "<testsuite name=\"cut\"><testcase name=\"a\"/>").utf8)
                _ = write(client, reply, reply.count)
            }
            close(client)
        }
    }

    /// Stops accepting connections.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
