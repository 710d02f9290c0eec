import CompressNIO
import Foundation
import Hummingbird
import Logging
import NIOCore
import OOTTestSupport
import ServiceLifecycle
import ZIPFoundation

/// A real HTTP server on a loopback port that serves JUnit artifacts in every shape the
/// harvester meets: plain XML, zip, gzip, a zip bomb, an HTML folder index, redirects, errors.
struct ArtifactServer {
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    static func corpus(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/junit-corpus/\(name)"))
    }

    /// A zip with `entries` (path → bytes), built with ZIPFoundation.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let url = try Fixtures.temporaryDirectory("zip").appendingPathComponent("a.zip")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try Data(contentsOf: url)
    }

    static func gzip(_ data: Data) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let compressed = try buffer.compress(with: .gzip)
        return Data(compressed.readableBytesView)
    }

    @Sendable static func serve(_ data: Data, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Starts the server, runs `body`, stops it.
    static func with<T: Sendable>(_ body: @Sendable (ArtifactServer) async throws -> T) async throws -> T {
        let router = Router()
        let xml = try corpus("pytest/horovod-failure-and-skip.xml")
        let zipped = try zip([
            ("reports/TEST-a.xml", try corpus("go/go-junit-report-pass-fail-skip.xml")),
            ("reports/TEST-b.xml", try corpus("surefire/flakyFailure-passes-on-rerun.xml")),
            ("readme.txt", Data("not a report".utf8)),
        ])
        let bomb = try zip([("big.xml", Data(repeating: 0x20, count: 3 << 20))])
        let gzipped = try gzip(xml)
        router.get("report.xml") { _, _ in Self.serve(xml, "application/xml") }
        router.get("report.zip") { _, _ in Self.serve(zipped, "application/zip") }
        router.get("report.xml.gz") { _, _ in Self.serve(gzipped, "application/gzip") }
        router.get("bomb.zip") { _, _ in Self.serve(bomb, "application/zip") }
        // Wrong content types: the bytes decide, the label only shows up in messages.
        router.get("mislabelled.xml") { _, _ in Self.serve(xml, "text/plain") }
        router.get("mislabelled.zip") { _, _ in Self.serve(zipped, "application/xml") }
        router.get("login.xml") { _, _ in
            Self.serve(Data("<!DOCTYPE html><html><body><form>Sign in</form></body></html>".utf8), "application/xml")
        }
        router.get("log.txt") { _, _ in Self.serve(Data("build log\n".utf8), "text/plain") }
        router.get("folder/") { _, _ in
            Self.serve(
                Data(
                    "<html><body><a href=\"a.xml\">a.xml</a> <a href='b.xml'>b</a> <a href=\"../up.xml\">x</a> <a href=\"https://evil.example/c.xml\">c</a></body></html>"
                        .utf8), "text/html")
        }
        router.get("folder/a.xml") { _, _ in
            Self.serve(try corpus("jest/jest-junit-failures-unicode.xml"), "application/xml")
        }
        router.get("folder/b.xml") { _, _ in
            Self.serve(try corpus("mocha/mocha-junit-reporter-109-cases.xml"), "application/xml")
        }
        router.get("redirect") { _, _ in Response(status: .found, headers: [.location: "/report.xml"]) }
        router.get("loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("unavailable") { _, _ in Response(status: .serviceUnavailable) }
        router.get("slow") { _, _ -> Response in
            try await Task.sleep(for: .seconds(6))
            return Self.serve(xml, "application/xml")
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "artifact-server")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body(ArtifactServer(port: port))
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
