#if canImport(Glibc)
    import Glibc
#endif

/// The SSRF guard: which resolved addresses an artifact fetch may connect to.
///
/// Refused unless private fetching is allowed: unspecified, loopback, private (RFC 1918), CGNAT
/// (100.64/10), link-local, benchmarking (198.18/15), multicast and reserved IPv4; `::`, `::1`,
/// unique-local (`fc00::/7`), link-local (`fe80::/10`) and multicast IPv6, and IPv4-mapped forms
/// of the refused IPv4 ranges.
enum AddressPolicy {
    /// `true` when `bytes` (4 for IPv4, 16 for IPv6) is a public unicast address.
    static func isPublic(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 4 { return isPublicV4(bytes) }
        guard bytes.count == 16 else { return false }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return isPublicV4(Array(bytes[12..<16]))
        }
        if bytes.allSatisfy({ $0 == 0 }) { return false }  // ::
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return false }  // ::1
        if bytes[0] & 0xFE == 0xFC { return false }  // fc00::/7
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return false }  // fe80::/10
        if bytes[0] == 0xFF { return false }  // multicast
        return true
    }

    static func isPublicV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): return false
        case (100, 64...127): return false
        case (169, 254): return false
        case (172, 16...31): return false
        case (192, 168): return false
        case (192, 0) where b[2] == 0: return false
        case (198, 18...19): return false
        case (224...255, _): return false
        default: return true
        }
    }

    /// Resolves `host` and returns its addresses as raw bytes, or the resolver's error.
    static func resolve(_ host: String, port: Int) -> Result<[[UInt8]], ArtifactError> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            return .failure(.retryable("cannot resolve \(host): \(String(cString: gai_strerror(rc)))"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let address = current.pointee.ai_addr {
                switch Int32(current.pointee.ai_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        var a = $0.pointee.sin_addr
                        addresses.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        var a = $0.pointee.sin6_addr
                        addresses.append(withUnsafeBytes(of: &a) { Array($0) })
                    }
                default: break
                }
            }
            node = current.pointee.ai_next
        }
        return .success(addresses)
    }
}
