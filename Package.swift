// swift-tools-version:6.0
import PackageDescription

// One target per stage of a build, so a file's path says what it may touch:
// Core (shared vocabulary) → Load (files → typed models) → Site (one immutable model)
// → Render (Markdown, charts, templates) → Write (output tree, atomic publish) → Build (the pipeline) → nhipcau (CLI).
let package = Package(
    name: "NhipCau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nhipcau", targets: ["nhipcau"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "NhipCauCore"),
        .target(
            name: "NhipCauLoad",
            dependencies: ["NhipCauCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "NhipCauSite", dependencies: ["NhipCauCore", "NhipCauLoad"]),
        .target(
            name: "NhipCauRender",
            dependencies: [
                "NhipCauCore", "NhipCauSite", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "NhipCauWrite", dependencies: ["NhipCauCore", "NhipCauSite"]),
        .target(
            name: "NhipCauBuild",
            dependencies: ["NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauRender", "NhipCauWrite"]
        ),
        .executableTarget(
            name: "nhipcau",
            dependencies: ["NhipCauBuild", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "NhipCauTests",
            dependencies: ["NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauRender", "NhipCauWrite", "NhipCauBuild"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
