import CompressNIO
import Foundation
import NIOCore
import OOTJUnit
import ZIPFoundation

/// Turns a local artifact (a file or a directory) into the JUnit XML files to parse: XML as is,
/// `.zip` and `.gz` unpacked into a work directory under a cap on the total uncompressed size,
/// a directory as its `*.xml` files.
///
/// Anything else is "not a JUnit artifact".
struct ArtifactUnpacker {
    /// Where unpacked files go (deleted by the caller).
    let workDirectory: URL
    /// The most bytes all unpacked files of one artifact may hold (zip bombs).
    let maxUncompressedBytes: Int
    /// The most report files read from one artifact.
    static let maxFiles = 1_000

    /// The report files of the artifact at `path`.
    ///
    /// - Parameter contentType: The HTTP `Content-Type`, when downloaded (for messages).
    func reportFiles(at path: String, contentType: String?) -> Result<[ReportFile], ArtifactError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.refused("artifact not found"))
        }
        if isDirectory.boolValue { return directory(path) }
        switch Self.kind(of: path) {
        case .zip: return unzip(path)
        case .gzip: return gunzip(path, contentType: contentType)
        case .html: return .failure(.notJUnit("not a JUnit artifact: an HTML page"))
        case .xml: return .success([ReportFile(path: path, name: (path as NSString).lastPathComponent)])
        case .empty: return .success([ReportFile(path: path, name: (path as NSString).lastPathComponent)])
        case .other:
            return .failure(.notJUnit("not a JUnit artifact: \(contentType ?? "binary data")"))
        }
    }

    enum Kind { case zip, gzip, xml, html, empty, other }

    /// Sniffs the first bytes: zip and gzip magic numbers, XML (`<` after an optional BOM and
    /// whitespace, or UTF-16), HTML.
    static func kind(of path: String) -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 512))
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if head.starts(with: [0x1F, 0x8B]) { return .gzip }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .xml }
        var text = head[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        guard let first = text.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            text[first] == UInt8(ascii: "<")
        else { return .other }
        let start = String(decoding: text[first...].prefix(64), as: UTF8.self).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return .html }
        return .xml
    }

    private func directory(_ path: String) -> Result<[ReportFile], ArtifactError> {
        let xml: [String]
        do {
            xml = try ReportDirectory.reports(in: path)
        } catch {
            return .failure(.notJUnit("the artifact directory cannot be listed: \(error.localizedDescription)"))
        }
        guard !xml.isEmpty else { return .failure(.notJUnit("the artifact directory holds no *.xml file")) }
        return .success(
            xml.prefix(Self.maxFiles).map { ReportFile(path: $0, name: ($0 as NSString).lastPathComponent) })
    }

    private func unzip(_ path: String) -> Result<[ReportFile], ArtifactError> {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return .failure(.notJUnit("not a readable zip archive: \(error)"))
        }
        var files: [ReportFile] = []
        var total = 0
        for entry in archive where entry.type == .file && entry.path.lowercased().hasSuffix(".xml") {
            if entry.path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) { continue }
            if files.count == Self.maxFiles { break }
            // Entry paths are never used as paths (zip slip): each entry gets a numbered file.
            let target = workDirectory.appendingPathComponent("zip-\(files.count).xml")
            let handle: FileHandle
            switch Self.newFile(target) {
            case .success(let opened): handle = opened
            case .failure(let error): return .failure(error)
            }
            do {
                defer { try? handle.close() }
                _ = try archive.extract(entry, skipCRC32: false) { data in
                    total += data.count
                    if total > maxUncompressedBytes { throw ArtifactError.tooLarge("") }
                    try handle.write(contentsOf: data)
                }
            } catch ArtifactError.tooLarge {
                return .failure(
                    .tooLarge("the zip archive unpacks to more than \(maxUncompressedBytes >> 20) MiB (zip bomb?)"))
            } catch {
                return .failure(.notJUnit("zip entry \(entry.path) could not be read: \(error)"))
            }
            files.append(ReportFile(path: target.path, name: entry.path))
        }
        guard !files.isEmpty else { return .failure(.notJUnit("the zip archive holds no *.xml file")) }
        return .success(files)
    }

    private func gunzip(_ path: String, contentType: String?) -> Result<[ReportFile], ArtifactError> {
        let target = workDirectory.appendingPathComponent("gunzip-\(UUID().uuidString)")
        guard let input = FileHandle(forReadingAtPath: path) else {
            return .failure(.retryable("cannot read \(path)"))
        }
        let output: FileHandle
        switch Self.newFile(target) {
        case .success(let opened): output = opened
        case .failure(let error):
            try? input.close()
            return .failure(error)
        }
        defer {
            try? input.close()
            try? output.close()
        }
        var total = 0
        do {
            let decompressor = try ZlibDecompressor(algorithm: .gzip)
            var window = ByteBufferAllocator().buffer(capacity: 256 * 1024)
            while true {
                let chunk = input.readData(ofLength: 256 * 1024)
                if chunk.isEmpty { break }
                var buffer = ByteBuffer(bytes: chunk)
                try buffer.decompressStream(with: decompressor, window: &window) { out in
                    total += out.readableBytes
                    if total > maxUncompressedBytes { throw ArtifactError.tooLarge("") }
                    try output.write(contentsOf: Data(out.readableBytesView))
                }
            }
        } catch ArtifactError.tooLarge {
            return .failure(.tooLarge("the gzip file unpacks to more than \(maxUncompressedBytes >> 20) MiB"))
        } catch {
            return .failure(.notJUnit("not a readable gzip file: \(error)"))
        }
        switch Self.kind(of: target.path) {
        case .xml, .empty: return .success([ReportFile(path: target.path, name: (path as NSString).lastPathComponent)])
        case .zip: return unzip(target.path)
        default: return .failure(.notJUnit("not a JUnit artifact: a gzip file that does not hold XML (a tarball?)"))
        }
    }

    /// Creates `url` empty and opens it for writing.
    ///
    /// - Returns: The handle, or a retryable error naming the file and the cause (a full disk, a
    ///   read-only work directory: the next build tries again).
    static func newFile(_ url: URL) -> Result<FileHandle, ArtifactError> {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            return .failure(.retryable("cannot create \(url.path)"))
        }
        do {
            return .success(try FileHandle(forWritingTo: url))
        } catch {
            return .failure(.retryable("cannot write \(url.path): \(error.localizedDescription)"))
        }
    }
}
