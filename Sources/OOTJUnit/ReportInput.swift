#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte stream the parser is fed from: a file read in 256 KiB chunks or an in-memory buffer,
/// sanitized on the fly by ``InputSanitizer``, with a cap on the bytes read.
///
/// UTF-16 input (BOM or `<?` pattern) is transcoded to UTF-8 up front.
final class ReportInput {
    private enum Source {
        case file(Int32)
        case memory([UInt8], Int)
    }

    private var source: Source
    private var prefix: [UInt8] = []
    private var sanitizer = InputSanitizer()
    private let maxBytes: Int
    /// Raw bytes read so far.
    private(set) var bytesRead = 0
    /// Set when the input was larger than the cap; reading stops there.
    private(set) var exceededLimit = false
    /// Set when the file could not be read.
    private(set) var readError: String?
    /// `true` when the input was UTF-16 and has been transcoded to UTF-8.
    private(set) var transcodedFromUTF16 = false

    /// Opens `path` for reading.
    ///
    /// - Throws: ``JUnitInputError`` when the file cannot be opened.
    init(path: String, maxBytes: Int) throws(JUnitInputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw JUnitInputError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw JUnitInputError(message: "\(path) is a directory, not a report: read the *.xml files inside it")
        }
        source = .file(fd)
        self.maxBytes = maxBytes
        detectEncoding()
    }

    /// Reads from memory.
    init(bytes: [UInt8], maxBytes: Int) {
        source = .memory(bytes, 0)
        self.maxBytes = maxBytes
        detectEncoding()
    }

    deinit {
        if case .file(let fd) = source { close(fd) }
    }

    /// A summary of what the sanitizer removed, if anything.
    var sanitizerSummary: String? { sanitizer.summary }

    /// `true` when the input had no bytes at all.
    var isEmpty: Bool { bytesRead == 0 }

    /// Raw bytes read per chunk.
    static let chunkSize = 256 * 1024
    private var raw = [UInt8](repeating: 0, count: ReportInput.chunkSize)

    /// Hands the next sanitized chunk to `body`, without copying when it needs no change.
    ///
    /// - Returns: `false` at the end of the input (after handing over the last bytes, if any).
    func nextChunk(into output: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>, _ last: Bool) -> Void) {
        while true {
            let n = rawRead(&raw)
            if n <= 0 {
                output.removeAll(keepingCapacity: true)
                sanitizer.finish(into: &output)
                output.withUnsafeBufferPointer { body($0, true) }
                return
            }
            let clean = raw.withUnsafeBufferPointer { chunk -> Bool in
                let slice = UnsafeBufferPointer(rebasing: chunk[0..<n])
                guard sanitizer.isClean(slice) else { return false }
                body(slice, false)
                return true
            }
            if clean { return }
            output.removeAll(keepingCapacity: true)
            raw.withUnsafeBufferPointer { sanitizer.process(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &output) }
            if !output.isEmpty {
                output.withUnsafeBufferPointer { body($0, false) }
                return
            }
        }
    }

    /// Reads raw bytes (prefix first), enforcing the cap.
    private func rawRead(_ chunk: inout [UInt8]) -> Int {
        if !prefix.isEmpty {
            let n = min(prefix.count, chunk.count)
            chunk.replaceSubrange(0..<n, with: prefix[0..<n])
            prefix.removeFirst(n)
            return n
        }
        let remaining = maxBytes - bytesRead
        if remaining <= 0 {
            if sourceRead(&chunk, limit: 1) > 0 { exceededLimit = true }
            return 0
        }
        let n = sourceRead(&chunk, limit: min(chunk.count, remaining))
        if n > 0 { bytesRead += n }
        return n
    }

    private func sourceRead(_ chunk: inout [UInt8], limit: Int) -> Int {
        switch source {
        case .file(let fd):
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, limit) }
            if n < 0 {
                readError = "read failed: \(String(cString: strerror(errno)))"
                return 0
            }
            return n
        case .memory(let bytes, let offset):
            let n = min(limit, bytes.count - offset)
            if n <= 0 { return 0 }
            chunk.replaceSubrange(0..<n, with: bytes[offset..<(offset + n)])
            source = .memory(bytes, offset + n)
            return n
        }
    }

    /// Peeks at the first bytes; UTF-16 is read whole (within the cap) and transcoded.
    private func detectEncoding() {
        var head = [UInt8](repeating: 0, count: 4)
        var got = 0
        while got < 4 {
            var chunk = [UInt8](repeating: 0, count: 4 - got)
            let n = sourceRead(&chunk, limit: 4 - got)
            if n <= 0 { break }
            head.replaceSubrange(got..<(got + n), with: chunk[0..<n])
            got += n
        }
        bytesRead = got
        prefix = Array(head[0..<got])
        guard got >= 2 else { return }
        let littleEndian: Bool
        var skip = 0
        if head[0] == 0xFF && head[1] == 0xFE {
            littleEndian = true
            skip = 2
        } else if head[0] == 0xFE && head[1] == 0xFF {
            littleEndian = false
            skip = 2
        } else if got == 4 && head == [0x3C, 0x00, 0x3F, 0x00] {
            littleEndian = true
        } else if got == 4 && head == [0x00, 0x3C, 0x00, 0x3F] {
            littleEndian = false
        } else {
            return
        }
        var raw = prefix
        prefix = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = rawRead(&chunk)
            if n <= 0 { break }
            raw.append(contentsOf: chunk[0..<n])
        }
        let body = raw.dropFirst(skip)
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let a = UInt16(body[i])
            let b = UInt16(body[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        prefix = Array(Self.droppingDeclaredEncoding(String(decoding: units, as: UTF16.self)).utf8)
        transcodedFromUTF16 = true
    }
}

extension ReportInput {
    /// Removes the `encoding="…"` pseudo-attribute from a leading XML declaration.
    ///
    /// After transcoding to UTF-8 it is wrong, and producers write invalid names (`"UTF-16 LE"`)
    /// that libxml2 rejects even when told to ignore the declared encoding. The BOM is trusted
    /// instead.
    static func droppingDeclaredEncoding(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.firstRange(of: "?>") else { return text }
        var declaration = String(text[..<end.lowerBound])
        guard let key = declaration.firstRange(of: "encoding") else { return text }
        var index = key.upperBound
        func skipSpaces() {
            while index < declaration.endIndex, declaration[index].isWhitespace {
                index = declaration.index(after: index)
            }
        }
        skipSpaces()
        guard index < declaration.endIndex, declaration[index] == "=" else { return text }
        index = declaration.index(after: index)
        skipSpaces()
        guard index < declaration.endIndex,
            let quote = declaration[index] == "\"" ? "\"" : declaration[index] == "'" ? "'" : nil
        else { return text }
        let valueStart = declaration.index(after: index)
        guard let close = declaration[valueStart...].firstIndex(of: Character(quote)) else { return text }
        declaration.removeSubrange(key.lowerBound...close)
        return declaration + text[end.lowerBound...]
    }
}
