// swift-tools-version:5.4
// 5.4, not the root package's 6.1, on purpose: from 5.5 on, SwiftPM renames an executable's
// `main` to `<Target>_main` on Linux so tests can link executables, and the link then fails for a
// libFuzzer harness, which has no main of its own (libFuzzer brings it). Harnesses use Swift 5 mode.
import Foundation
import PackageDescription

// libFuzzer harnesses for OOT HUD (docs/fuzzing.md). Build and run them with `scripts/fuzz.sh`:
// it passes `-sanitize=fuzzer,address` and `-parse-as-library` and uses its own scratch path,
// so the normal `.build/` is never touched.

// A path dependency's identity is its directory name (`main`, `oot-hud`, ... depending on the
// checkout), so it is read from this file's location rather than written down.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "oot-hud-fuzz",
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        // Relay body → extraction → append to the callbacks log → fold (spec §2.2, §4).
        .executableTarget(
            name: "FuzzCallback",
            dependencies: [.product(name: "OOTCore", package: rootIdentity)]
        ),
        // JUnit XML → libxml2 SAX2 parser → counting rules (docs/junit.md).
        .executableTarget(
            name: "FuzzJUnit",
            dependencies: [.product(name: "OOTJUnit", package: rootIdentity)]
        ),
        // PR summary Markdown → cmark, and Markdown/HTML escaping of untrusted names.
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: [.product(name: "OOTSite", package: rootIdentity)]
        ),
    ]
)
