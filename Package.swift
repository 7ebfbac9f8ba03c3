// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gongshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongshi", targets: ["gongshi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CGongshi"),
        .target(name: "GongshiModel"),
        .target(
            name: "GongshiContent",
            dependencies: ["GongshiModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GongshiRules",
            dependencies: ["GongshiModel", "GongshiContent", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GongshiSite",
            dependencies: [
                "GongshiModel", "GongshiRules", "Ccmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GongshiBuild",
            dependencies: ["GongshiModel", "GongshiContent", "GongshiRules", "GongshiSite", "CGongshi"]
        ),
        .target(
            name: "GongshiServe",
            dependencies: ["GongshiBuild", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "gongshi",
            dependencies: [
                "GongshiBuild", "GongshiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GongshiModelTests", dependencies: ["GongshiModel"]),
        .testTarget(name: "GongshiContentTests", dependencies: ["GongshiContent"]),
        .testTarget(name: "GongshiRulesTests", dependencies: ["GongshiRules", "GongshiContent"]),
        .testTarget(name: "GongshiSiteTests", dependencies: ["GongshiSite", "GongshiRules", "GongshiContent", "GongshiModel"]),
        .testTarget(
            name: "GongshiEndToEndTests",
            dependencies: ["gongshi"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
