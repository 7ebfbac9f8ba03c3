// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gongshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongshi", targets: ["gongshi"]),
        // For the libFuzzer executables of Fuzz/Package.swift (Scripts/fuzz.sh), which build apart.
        .library(name: "GongshiFuzz", targets: ["GongshiFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CGongshi", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "GongshiModel"),
        .target(
            name: "GongshiContent",
            dependencies: [
                "GongshiModel", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "GongshiRules",
            dependencies: ["GongshiModel", "Ccmark", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GongshiSite",
            dependencies: [
                "GongshiModel", "GongshiRules", "Ccmark", "CGongshi",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GongshiBuild",
            dependencies: [
                "GongshiModel", "GongshiContent", "GongshiRules", "GongshiSite", "CGongshi",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GongshiServe",
            dependencies: [
                "GongshiBuild", "GongshiContent", "GongshiModel", "GongshiSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "gongshi",
            dependencies: [
                "GongshiBuild", "GongshiServe", "GongshiModel", "GongshiRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GongshiFuzz", dependencies: ["GongshiModel", "GongshiContent"]),
        .testTarget(name: "GongshiModelTests", dependencies: ["GongshiModel"]),
        .testTarget(
            name: "GongshiContentTests",
            dependencies: [
                "GongshiContent", "GongshiModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "GongshiRulesTests", dependencies: ["GongshiRules", "GongshiContent", "GongshiModel"]),
        .testTarget(
            name: "GongshiSiteTests",
            dependencies: [
                "GongshiSite", "GongshiRules", "GongshiContent", "GongshiModel",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "GongshiFuzzTests", dependencies: ["GongshiFuzz"]),
        .testTarget(
            name: "GongshiBuildTests",
            dependencies: [
                "GongshiBuild", "GongshiContent", "GongshiSite", "GongshiModel", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "GongshiServeTests",
            dependencies: [
                "GongshiServe", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "GongshiEndToEndTests",
            dependencies: ["gongshi", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
