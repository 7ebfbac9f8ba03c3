// swift-tools-version:6.1
import PackageDescription

// The libFuzzer executables, one per reader (see Sources/GongshiFuzz in the main package). Kept in
// their own package so that `swift build` / `swift test` of Gongshi never builds them: they link
// libFuzzer, which needs flags only Scripts/fuzz.sh passes.
let targets = ["csv", "records", "site-yml", "calendar", "article", "ledger", "registries", "xlsx"]

let package = Package(
    name: "GongshiFuzzers",
    dependencies: [.package(name: "Gongshi", path: "..")],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "GongshiFuzz", package: "Gongshi")]),
    ] + targets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzDriver"], path: "Sources/fuzz-\(name)")
    },
    swiftLanguageModes: [.v6]
)
