// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .executable(name: "gazette-bench", targets: ["gazette-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure: articles, formats, the store, indexes and the query language. Foundation, and
        // zlib, libbz2 and liblzma for compressed archive files (.gz, .bz2, .xz: Debian's
        // zlib1g-dev, libbz2-dev and liblzma-dev, installed by .ci/run).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBzip2", providers: [.apt(["libbz2-dev"])]),
        .systemLibrary(name: "CLzma", providers: [.apt(["liblzma-dev"])]),
        .target(name: "GazetteCore", dependencies: ["CZlib", "CBzip2", "CLzma"]),
        // Pure: feed documents (RSS, Atom, JSON Feed, OPML) → items → canonical article text; HTML to
        // text. Foundation and libxml2's SAX2 parser (Debian's libxml2-dev, installed by .ci/run).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "GazetteFeeds", dependencies: ["CLibXML2"]),
        // Fetching subscriptions over HTTP (URLSession) and filing items under DATA/feeds/.
        .target(name: "GazetteFetch", dependencies: ["GazetteFeeds", "GazetteCore"]),
        // A loopback HTTP server for the fetch tests and benchmarks (never linked into the app).
        .target(name: "LoopbackHTTP"),
        // Pure: state, actions, reducer, key map, layout and views rendering into a Canvas.
        .target(name: "GazetteUI", dependencies: ["GazetteCore"]),
        // The only code that imports ncurses. No `pkgConfig:` on purpose: SwiftPM rejects the
        // -D_XOPEN_SOURCE flags ncursesw.pc carries (a warning on every build), and shim.h defines
        // what the wide API needs itself. The header is in the default include path on Debian
        // (libncursesw5-dev, installed by .ci/run).
        // The reader's state (read, starred, tags, views) in SQLite through GRDB, kept out of
        // GazetteCore so the core stays Foundation-only.
        .target(name: "GazetteState", dependencies: ["GazetteCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The config file (TOML through TOMLKit) → GazetteUI's Settings; errors as path:line: key.
        .target(name: "GazetteConfig", dependencies: ["GazetteUI", "GazetteCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "GazetteTerminal", dependencies: ["GazetteUI", "CNcursesw"]),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazetteCore", "GazetteUI", "GazetteTerminal", "GazetteState", "GazetteFeeds", "GazetteFetch", "GazetteConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness's logic: corpus generator and measurements.
        .target(name: "GazetteBenchKit", dependencies: ["GazetteCore", "GazetteUI", "GazetteState", "GazetteFeeds", "GazetteFetch", "LoopbackHTTP"]),
        .executableTarget(
            name: "gazette-bench",
            dependencies: [
                "GazetteBenchKit", "GazetteCore", "GazetteUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share (the seeded random generator).
        .target(name: "GazetteTestSupport", path: "Tests/GazetteTestSupport"),
        // GazetteBenchKit: the block parser's differential test also runs the bench's own body (`BodyShapes`).
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore", "GazetteTestSupport", "GazetteBenchKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GazetteFeedsTests", dependencies: ["GazetteFeeds", "GazetteCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GazetteFetchTests", dependencies: ["GazetteFetch", "GazetteFeeds", "GazetteCore", "LoopbackHTTP"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GazetteUITests", dependencies: ["GazetteUI", "GazetteCore", "GazetteTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "GazetteTerminalTests", dependencies: ["GazetteTerminal", "GazetteUI", "CNcursesw"]),
        .testTarget(name: "GazetteConfigTests", dependencies: ["GazetteConfig", "GazetteUI", "GazetteCore"]),
        .testTarget(name: "GazetteStateTests", dependencies: ["GazetteState", "GazetteCore"]),
        .testTarget(name: "GazetteBenchKitTests", dependencies: ["GazetteBenchKit", "GazetteCore"]),
        // Runs the built binaries (CLI and, under tmux, the terminal UI).
        .testTarget(name: "GazetteEndToEndTests", dependencies: ["GazetteCore", "GazetteUI", "LoopbackHTTP"]),
    ],
    swiftLanguageModes: [.v6]
)
