// swift-tools-version:6.1
import PackageDescription

// Upcoming features from shared/STYLE.md: explicit `any`, imports that say what they expose.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "EventGaraget",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "eventgaraget", targets: ["eventgaraget"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries stay at the edges: one shim each, wrapped by exactly one Swift module.
        .systemLibrary(name: "CFastCGI", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CCrack", providers: [.apt(["libcrack2-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        .target(name: "Domain", swiftSettings: strictSettings),
        .target(name: "Routing", dependencies: ["Domain"], swiftSettings: strictSettings),
        // HTTP values (request, response, forms) and their decoding: no transport in them.
        .target(name: "HTTP", swiftSettings: strictSettings),
        // The FastCGI transport (libfcgi): turns FastCGI requests into `HTTP.Request`s and back.
        .target(
            name: "FCGIHost",
            dependencies: ["CFastCGI", "HTTP", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Database",
            dependencies: ["CLibPQ", "Domain", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Migrations")],
            swiftSettings: strictSettings
        ),
        // The only producer of SanitizedHTML, and the one HTML escaper everything shares.
        .target(name: "Sanitizer", dependencies: ["CLibXML2", "Domain"], swiftSettings: strictSettings),
        // Email: MIME messages delivered over SMTP (libcurl) or into a Maildir; received email parsed; mailboxes polled over IMAP (libcurl).
        .target(name: "Mail", dependencies: ["CLibCurl", "Domain"], swiftSettings: strictSettings),
        // The optional language model: OpenAI-compatible chat completions (JSON Schema answers) through libcurl.
        .target(name: "LanguageModel", dependencies: ["CLibCurl"], swiftSettings: strictSettings),
        .target(name: "Sealing", dependencies: ["CLibCrypto", "CLibCurl"], swiftSettings: strictSettings),
        .target(name: "Webhooks", dependencies: ["CLibCrypto", "CLibCurl"], swiftSettings: strictSettings),
        // PDF documents (the signed agreement), drawn with cairo.
        .target(name: "Documents", dependencies: ["CCairo", "Domain"], swiftSettings: strictSettings),
        // Staff passwords (argon2id) and random secrets, through libsodium.
        .target(
            name: "Passwords", dependencies: ["CLibSodium", "CCrack", "CLibCrypto", "CQRencode"],
            swiftSettings: strictSettings),
        .target(name: "Templates", dependencies: ["Sanitizer", "Domain", "Routing"], swiftSettings: strictSettings),
        // Read through stores, decide with Domain, write through stores: one transaction per use case.
        .target(name: "UseCases", dependencies: ["Domain", "Database"], swiftSettings: strictSettings),
        .target(
            name: "Handlers",
            dependencies: [
                "HTTP", "Database", "UseCases", "Templates", "Routing", "Domain", "Sanitizer", "Documents", "Passwords",
                "Sealing", "Webhooks", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The background worker: claims jobs from PostgreSQL and runs their handlers.
        .target(
            name: "Worker", dependencies: ["Database", "Domain", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        .target(
            name: "App",
            dependencies: [
                "FCGIHost", "HTTP", "Database", "UseCases", "Templates", "Sanitizer", "Handlers", "Domain", "Worker",
                "Mail", "LanguageModel",
                "Documents", "Passwords", "Routing", "Sealing", "Webhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "eventgaraget", dependencies: ["App"], swiftSettings: strictSettings),

        .testTarget(name: "DomainTests", dependencies: ["Domain", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "PasswordsTests", dependencies: ["Passwords"], swiftSettings: strictSettings),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks"], swiftSettings: strictSettings),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"], swiftSettings: strictSettings),
        // Reads Sources/ and docs/ARCHITECTURE.md: no module imports past its layer.
        .testTarget(name: "ArchitectureTests", swiftSettings: strictSettings),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"], swiftSettings: strictSettings),
        .testTarget(name: "FCGIHostTests", dependencies: ["FCGIHost"], swiftSettings: strictSettings),
        .testTarget(
            name: "SanitizerTests", dependencies: ["Sanitizer"], exclude: ["Corpus", "html5_oracle.py"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TemplatesTests", dependencies: ["Templates", "Sanitizer", "Routing"], swiftSettings: strictSettings),
        // Starts throwaway PostgreSQL clusters (and the rest of the stack) for the tests that need real processes.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "DatabaseTests", dependencies: ["Database", "UseCases", "TestSupport"], swiftSettings: strictSettings),
        // Handler and page tests: the responder in process, each test on its own copy of a migrated
        // (and seeded) template database; no nginx, no browser.
        .testTarget(
            name: "HandlersTests",
            dependencies: [
                "Handlers", "HTTP", "Templates", "Routing", "Domain", "TestSupport", "Passwords", "Sealing",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "LanguageModelTests", dependencies: ["LanguageModel", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "DocumentsTests", dependencies: ["Documents", "Domain", "Sanitizer", "Sealing", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "AppTests", dependencies: ["App", "FCGIHost", "Mail", "Worker"], swiftSettings: strictSettings),
        // The real processes: nginx (TLS, HTTP/2, limits, headers, static files), the commands, the worker, browsers.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["TestSupport", "Routing", "Domain"],
            exclude: ["Browser", "Scripts"],
            swiftSettings: strictSettings
        ),
    ]
)
