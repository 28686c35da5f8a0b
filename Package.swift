// swift-tools-version:6.0
import PackageDescription

// One target per stage of a build, so a file's path says what it may touch:
// Core (shared vocabulary) → Load (files → typed models) → Site (one immutable model)
// → Render (Markdown, charts, templates) → Write (output tree, atomic publish) → Build (the pipeline) → nhipcau (CLI).
let package = Package(
    name: "NhipCau",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nhipcau", targets: ["nhipcau"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libvips (Debian `libvips-dev`): every raster image is decoded, turned upright, stripped and resized through it.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // The tool's messages are files under Embedded/messages/, built into the executable.
        .target(name: "NhipCauCore", exclude: ["Embedded"], plugins: ["EmbedFiles"]),
        .target(
            name: "NhipCauLoad",
            dependencies: ["NhipCauCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "NhipCauSite", dependencies: ["NhipCauCore", "NhipCauLoad"]),
        // Mustache templates over typed values: parsed once, rendered into bytes with no dynamic lookups.
        .target(name: "NhipCauTemplates"),
        // The default theme (templates, stylesheets, script) is files under Embedded/theme/, built into the executable.
        .target(
            name: "NhipCauRender",
            dependencies: [
                "NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauTemplates", "CCmark",
            ],
            exclude: ["Embedded"],
            plugins: ["EmbedFiles"]
        ),
        .target(name: "NhipCauWrite", dependencies: ["NhipCauCore", "NhipCauSite"]),
        // Images: raster files → private, upright, responsive variants (cached); SVG checked for code.
        .target(name: "NhipCauMedia", dependencies: ["NhipCauCore", "NhipCauSite", "CVips"]),
        .target(
            name: "NhipCauBuild",
            dependencies: ["NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauRender", "NhipCauWrite", "NhipCauMedia"],
            // Embedded/new/<language>/<kind>.md: the files `nhipcau new` writes.
            exclude: ["Embedded"],
            plugins: ["EmbedFiles"]
        ),
        // `nhipcau serve`: a preview server with live reload; the only target that touches the network.
        .target(
            name: "NhipCauServe",
            dependencies: [
                "NhipCauCore", "NhipCauBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "nhipcau",
            dependencies: ["NhipCauBuild", "NhipCauServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            plugins: ["BuildInfo"]
        ),
        // Any target with an Embedded/ folder: `exclude: ["Embedded"], plugins: ["EmbedFiles"]` gives it
        // `EmbeddedFiles.files` (path in the folder → bytes), so the one executable carries its data files.
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .executableTarget(name: "EmbedFilesTool"),
        // `nhipcau --version`'s commit: written before each build into the build folder, never the tree.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // The libFuzzer target: `make fuzz` builds it with -sanitize=fuzzer,address -DNHIPCAU_FUZZING.
        // An ordinary build compiles it too, as a small tool that replays saved inputs.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "NhipCauFuzz",
            dependencies: ["NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauRender", "CFuzzerDriver"]
        ),
        .testTarget(
            name: "NhipCauTests",
            dependencies: ["NhipCauCore", "NhipCauLoad", "NhipCauSite", "NhipCauTemplates", "NhipCauRender", "NhipCauWrite", "NhipCauMedia", "NhipCauBuild", "NhipCauServe",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
