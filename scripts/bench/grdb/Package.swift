// swift-tools-version:6.1
// The issue-13 decision, measured: GRDB (FetchableRecord + Decodable, DatabaseQueue) against our
// store (OOTCore's SQLite wrapper + OOTSite's RowDecoder) on the two hot paths the store serves:
// appending callbacks in group-commit batches, and reading the build's saved queries into rows.
// Not part of the product or of CI; run with scripts/bench-grdb.sh.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: the checkout's folder, whatever it is called.
let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../..").standardizedFileURL.lastPathComponent

let package = Package(
    name: "grdb-vs-store",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../../.."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "grdb-vs-store",
            dependencies: [
                .product(name: "OOTCore", package: checkout),
                .product(name: "OOTSite", package: checkout),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        )
    ]
)
