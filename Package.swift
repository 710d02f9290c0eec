// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "oot-hud",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "oot-hud", targets: ["oot-hud"]),
        // The benchmark-data generator, apart so a deployment of `oot-hud` does not carry it.
        .executable(name: "oot-hud-synth", targets: ["oot-hud-synth"]),
        .library(name: "OOTCore", targets: ["OOTCore"]),
        .library(name: "OOTJUnit", targets: ["OOTJUnit"]),
        .library(name: "OOTSite", targets: ["OOTSite"]),
        .library(name: "OOTIngest", targets: ["OOTIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // traits: [] drops swift-configuration, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.4.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C system libraries (module.modulemap + shim.h each).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // POSIX calls Swift's Glibc module leaves out (syncfs).
        .systemLibrary(name: "CPosix"),

        // The contract, fold rules and the SQLite store.
        .target(name: "OOTCore", dependencies: ["CSQLite3"]),
        // The libxml2 streaming JUnit parser and its counting rules.
        .target(name: "OOTJUnit", dependencies: ["CLibXML2"]),
        // The build: fold, harvest, saved queries, view models, templates, publish.
        .target(
            name: "OOTSite",
            dependencies: [
                "OOTCore", "OOTJUnit", "CCmark", "CPosix",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The only target that imports Hummingbird.
        .target(
            name: "OOTIngest",
            dependencies: [
                "OOTCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // A seeded generator of large realistic databases, for build benchmarks (docs/synth.md).
        .target(name: "OOTSynth", dependencies: ["OOTCore"]),
        // Thin executable: subcommands only.
        .executableTarget(
            name: "oot-hud",
            dependencies: [
                "OOTCore", "OOTJUnit", "OOTSite", "OOTIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `oot-hud-synth`: OOTSynth's command line, a synchronous main (the generator blocks on its own threads).
        .executableTarget(
            name: "oot-hud-synth",
            dependencies: [
                "OOTCore", "OOTSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Fixtures and helpers shared by the test targets.
        .target(name: "OOTTestSupport", path: "Tests/OOTTestSupport"),
        .testTarget(name: "OOTCoreTests", dependencies: ["OOTCore", "OOTTestSupport"]),
        .testTarget(name: "OOTJUnitTests", dependencies: ["OOTJUnit", "OOTTestSupport"]),
        .testTarget(name: "OOTSynthTests", dependencies: ["OOTSynth", "OOTCore", "OOTJUnit", "OOTTestSupport"]),
        // Runs the built `oot-hud` and `oot-hud-synth` binaries as a user would (depending on them makes
        // `swift test` build them).
        .testTarget(name: "OOTCLITests", dependencies: ["oot-hud", "oot-hud-synth", "OOTCore", "OOTTestSupport"]),
        .testTarget(
            name: "OOTSiteTests",
            dependencies: [
                "OOTSite", "OOTCore", "OOTJUnit", "OOTTestSupport", "CLibXML2",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(
            name: "OOTIngestTests",
            dependencies: [
                "OOTIngest", "OOTCore", "OOTTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
