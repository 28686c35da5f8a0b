import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
import NhipCauMedia
import NhipCauSite
@testable import NhipCauRender

/// Test inputs made by `scripts/photos.py`: a phone photo (640 × 480 stored sideways, EXIF
/// orientation 6) carrying GPS, camera, author, XMP, an ICC profile and a comment.
enum MediaFixtures {
    static let folder = TestPaths.fixture("media")
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }
    /// What scripts/photos.py put in the photo; none of it may be published.
    static let secrets = ["NhipCauPhone", "Test Camera 12", "Nguyen Van Mau", "Tran Thi Bimat", "11.5653", "108.9883", "Little CMS"]

    static func site(extraConfig: String = "") throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: \"https://xkld.example.gov.vn/\"\nshare_image: media/dien-thoai.jpg\nshare_image_alt: \"Ngôi nhà mái đỏ giữa vườn\"\n" + extraConfig
        files["stories/chi-lan.md"] = """
            ---
            title: "Chị Lan"
            date: 2021-01-05
            market: nhat-ban
            image: media/anh/nha.jpg
            image_alt: "Ngôi nhà mái đỏ của gia đình chị Lan"
            ---

            Câu chuyện.

            ![Vườn trước nhà chị Lan](../media/anh/nha.jpg)

            ![Con đường vào thôn](../media/dien-thoai.jpg)

            """
        let photo = try bytes("dien-thoai.jpg")
        return try TestSite(files, bytes: ["media/dien-thoai.jpg": photo, "media/anh/nha.jpg": photo])
    }
}

/// Runs a program, returning its standard output; fails the test (does not skip) when it is missing.
func runTool(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
    let run = try Spawned.run("/usr/bin/env", arguments)
    return (run.status, run.stdout)
}

/// exiftool (Debian `libimage-exiftool-perl`, installed by `make test`): every tag of every group.
func metadata(of files: [URL]) throws -> [[String: Any]] {
    let run = try runTool(["exiftool", "-json", "-G", "-a", "-u", "-n"] + files.map(\.path))
    try #require(run.status == 0, "exiftool is needed: apt-get install libimage-exiftool-perl")
    let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    return try #require(parsed)
}

@Suite struct MediaPrivacyTests {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "heic"]
    /// Groups that only describe the file and its pixels; anything else is metadata that travelled.
    static let allowedGroups: Set<String> = ["SourceFile", "ExifTool", "File", "Composite", "RIFF", "PNG", "JFIF"]

    func publishedImages(_ site: TestSite) -> [URL] {
        fileTree(site.output).keys.sorted().filter { Self.imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .map { site.output.appendingPathComponent($0) }
    }

    func expectNoMetadata(_ site: TestSite) throws {
        let images = publishedImages(site)
        #expect(images.count >= 10, "\(images)")
        for (url, tags) in zip(images, try metadata(of: images)) {
            let leaked = tags.keys.filter { key in
                let group = key.split(separator: ":").first.map(String.init) ?? key
                return !Self.allowedGroups.contains(group) || key == "File:Comment" || key == "ExifTool:Warning"
            }
            #expect(leaked.isEmpty, "\(url.lastPathComponent): \(leaked.sorted()) \(tags)")
            let flags = tags["RIFF:WebP_Flags"].map { "\($0)" }
            #expect(flags == nil || flags == "0", "\(url.lastPathComponent): WebP flags \(flags ?? "")")
            let bytes = try Data(contentsOf: url)
            for secret in MediaFixtures.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(url.lastPathComponent) holds \(secret)")
            }
        }
    }

    @Test func noPublishedImageCarriesGPSCameraAuthorXMPOrICC() throws {
        // The fixture itself has all of it: the test would see it.
        let source = try metadata(of: [MediaFixtures.folder.appendingPathComponent("dien-thoai.jpg")])[0]
        #expect(source["EXIF:GPSLatitude"] != nil && source["EXIF:Make"] != nil && source["XMP:Creator"] != nil)
        #expect(source["ICC_Profile:ProfileDescription"] != nil && source["EXIF:Orientation"] as? Int == 6)

        let site = try MediaFixtures.site()
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        try expectNoMetadata(site)
        #expect(!site.exists("media/anh/nha.jpg.orig"))
        // The original's bytes are nowhere in the site.
        let original = try Data(contentsOf: MediaFixtures.folder.appendingPathComponent("dien-thoai.jpg"))
        #expect(fileTree(site.output).values.allSatisfy { Data($0) != original })
    }

    @Test func keptOriginalsAreFullSizeAndStillStripped() throws {
        let site = try MediaFixtures.site(extraConfig: "keep_originals: true\n")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        try expectNoMetadata(site)
        let kept = try metadata(of: [site.output.appendingPathComponent("media/anh/nha.jpg")])[0]
        #expect(kept["File:ImageWidth"] as? Int == 480 && kept["File:ImageHeight"] as? Int == 640, "upright, full size: \(kept)")
    }

    @Test func photosAreUprightAtEachWidthWithACardCrop() throws {
        let site = try MediaFixtures.site()
        try #require(site.build().succeeded)
        let names = ["media/anh/nha.360.webp", "media/anh/nha.360.jpg", "media/anh/nha.480.webp", "media/anh/nha.480.jpg",
                     "media/anh/nha.jpg", "media/anh/nha.1200x630.jpg", "media/dien-thoai.1200x630.jpg"]
        let sizes = try metadata(of: names.map { site.output.appendingPathComponent($0) }).map {
            "\($0["File:ImageWidth"] ?? $0["RIFF:ImageWidth"] ?? "?")x\($0["File:ImageHeight"] ?? $0["RIFF:ImageHeight"] ?? "?")"
        }
        #expect(sizes == ["360x480", "360x480", "480x640", "480x640", "480x640", "1200x630", "1200x630"])
        #expect(!site.exists("media/anh/nha.720.jpg"), "never wider than the source")
    }
}

@Suite struct PictureMarkupTests {
    @Test func pagesGetPictureSrcsetSizesDimensionsAndLazyLoadingAfterTheFirst() throws {
        let site = try MediaFixtures.site()
        try #require(site.build().succeeded)
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        let pictures = page.components(separatedBy: "<picture>").dropFirst().map { $0.components(separatedBy: "</picture>")[0] }
        #expect(pictures.count == 3)
        #expect(pictures[0] == #"<source type="image/webp" srcset="../../media/anh/nha.360.webp 360w, ../../media/anh/nha.480.webp 480w" sizes="(min-width: 60rem) 58rem, calc(100vw - 2rem)"><img src="../../media/anh/nha.480.jpg" srcset="../../media/anh/nha.360.jpg 360w, ../../media/anh/nha.480.jpg 480w" sizes="(min-width: 60rem) 58rem, calc(100vw - 2rem)" width="480" height="640" alt="Ngôi nhà mái đỏ của gia đình chị Lan">"#)
        #expect(pictures[1].contains(#"sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)""#))
        #expect(pictures[1].hasSuffix(#"alt="Vườn trước nhà chị Lan" loading="lazy" decoding="async">"#))
        #expect(pictures[2].hasSuffix(#"loading="lazy" decoding="async">"#))
        #expect(page.contains(#"<meta property="og:image" content="https://xkld.example.gov.vn/media/anh/nha.1200x630.jpg">"#))
        let home = try #require(site.read("index.html"))
        #expect(home.contains(#"content="https://xkld.example.gov.vn/media/dien-thoai.1200x630.jpg""#))
    }

    @Test func theFirstPictureOfAPageWithoutAStoryImageLoadsAtOnce() throws {
        let site = try MediaFixtures.site()
        try site.write("pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\nmenu: 1\n---\n\n![Con đường vào thôn](../media/dien-thoai.jpg)\n\n![Ngôi nhà mái đỏ](../media/anh/nha.jpg)\n")
        try #require(site.build().succeeded)
        let page = try #require(site.read("gioi-thieu/index.html"))
        #expect(page.contains(#"alt="Con đường vào thôn"></picture>"#))
        #expect(page.contains(#"alt="Ngôi nhà mái đỏ" loading="lazy" decoding="async"></picture>"#))
    }

    @Test func checkWarnsOnDescriptionsThatDescribeNothing() throws {
        let site = try MediaFixtures.site()
        try site.write("pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\nmenu: 1\n---\n\n![ảnh](../media/dien-thoai.jpg)\n\n![IMG_2041.jpg](../media/anh/nha.jpg)\n\n![Ngôi nhà mái đỏ](../media/anh/nha.jpg)\n")
        let found = SiteBuild.check(BuildOptions(content: site.content, output: site.output, today: testDate)).diagnostics.items
            .filter { $0.message.en.contains("does not tell blind readers") }
        #expect(found.map { "\($0.location)" } == ["pages/gioi-thieu.md:6:1", "pages/gioi-thieu.md:8:1"])
    }
}

@Suite struct MediaCacheTests {
    func run(_ site: TestSite, cache: URL) -> (result: MediaResult, written: [String: [UInt8]]) {
        let written = WrittenFiles()
        let result = MediaStep.run(media: ["media/anh/nha.jpg"], cards: ["media/anh/nha.jpg"], themeAssets: [:],
                                   content: DiskContent(root: site.content),
                                   options: MediaOptions(cache: MediaCache(folder: cache), maxImagePixels: 50_000_000,
                                                         maxFileBytes: 10 << 20, keepOriginals: false),
                                   write: { bytes, path in written.add(path, bytes) })
        return (result, written.files)
    }

    @Test func aSecondBuildDoesNoImageWorkAndACorruptEntryIsMadeAgain() throws {
        let site = try MediaFixtures.site()
        let cache = site.root.appendingPathComponent("bo-nho-dem")
        let (cold, first) = run(site, cache: cache)
        #expect(cold.madeCount == 1 && cold.cachedCount == 0)
        #expect(first.count == 6, "\(first.keys.sorted())")

        let (warm, again) = run(site, cache: cache)
        #expect(warm.madeCount == 0 && warm.cachedCount == 1)
        #expect(again == first)

        // Cut one cached file short: it is not published, the entry is made again.
        let entries = try #require(FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String])
        let variant = try #require(entries.first { $0.hasSuffix("webp-360") })
        try Data([0x52, 0x49]).write(to: cache.appendingPathComponent(variant))
        let (repaired, remade) = run(site, cache: cache)
        #expect(repaired.madeCount == 1 && repaired.cachedCount == 0)
        #expect(remade == first)
        #expect(run(site, cache: cache).result.madeCount == 0)
    }

    @Test func theCacheIsBesideTheContentFolderByDefault() throws {
        let site = try MediaFixtures.site()
        try #require(site.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".nhipcau-cache/media").path))
        #expect(!site.exists(".nhipcau-cache") && !FileManager.default.fileExists(atPath: site.content.appendingPathComponent(".nhipcau-cache").path))
    }
}

final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String: [UInt8]] = [:]
    func add(_ path: String, _ bytes: [UInt8]) { lock.withLock { written[path] = bytes } }
    var files: [String: [UInt8]] { lock.withLock { written } }
}

@Suite struct SVGCheckTests {
    @Test func theSampleDrawingsPass() throws {
        for name in ["vuon-nho.svg", "nha-may.svg", "ve-que.svg"] {
            let bytes = [UInt8](try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("content/media/stories/\(name)")))
            #expect(SVGCheck.problems(bytes, file: name).isEmpty)
        }
    }

    @Test(arguments: [
        (#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#, "1:41", "`<script>`"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect onclick=\"steal()\" width=\"1\"/></svg>", "2:9", "`onclick`"),
        (#"<svg><a href="&#106;avascript:alert(1)"><text>x</text></a></svg>"#, "1:9", "`javascript:`"),
        (#"<svg><a xlink:href=" JaVaScRiPt:alert(1)"/></svg>"#, "1:9", "`javascript:`"),
        (#"<svg><foreignObject><p>x</p></foreignObject></svg>"#, "1:6", "`<foreignObject>`"),
        (#"<svg><image href="https://tracker.example/p.png"/></svg>"#, "1:13", "outside the file"),
        (#"<svg><style>@import url(https://x.example/a.css);</style></svg>"#, "1:13", "load another file"),
        (#"<svg><rect style="fill:url(http://x.example/#g)"/></svg>"#, "1:12", "load another file"),
        ("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>", "1:1", "entity"),
    ])
    func codeInAnSVGIsAnErrorSayingWhatToRemove(_ svg: String, _ place: String, _ named: String) {
        let problems = SVGCheck.problems(Array(svg.utf8), file: "media/a.svg")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" } == place)
        #expect(problems.first?.message.en.contains(named) == true, "\(problems.first?.message.en ?? "")")
        #expect(problems.first?.severity == .error)
    }

    @Test func referencesInsideTheFileAndEmbeddedPicturesAreFine() {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(#g)"/><use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>"##
        #expect(SVGCheck.problems(Array(svg.utf8), file: "a.svg").isEmpty)
    }
}

@Suite struct ImageBudgetTests {
    static func image(_ path: String, smallest: Int) -> PublishedImage {
        let variant = ImageVariant(path: path, width: 360, height: 240, byteCount: smallest)
        return PublishedImage(webp: [variant], fallback: [variant], card: nil)
    }

    @Test func aPageWhosePicturesWeighOver200KBAtTheirSmallestIsWarnedOnce() throws {
        let media = MediaCatalog(images: ["media/a.jpg": Self.image("media/a.360.webp", smallest: 120 * 1024),
                                          "media/b.jpg": Self.image("media/b.360.webp", smallest: 81 * 1024)])
        let heavy = try #require(ImageAdvice.overBudget(["media/a.jpg", "media/b.jpg", "media/a.jpg"], media: media, file: "stories/a.md"))
        #expect(heavy.severity == .warning && "\(heavy.location)" == "stories/a.md:1:1")
        #expect(heavy.message.en.contains("201 KB") && heavy.message.vi.contains("201 KB"))
        // The same picture twice counts once; under the budget, nothing is said.
        #expect(ImageAdvice.overBudget(["media/a.jpg", "media/a.jpg"], media: media, file: "stories/a.md") == nil)
    }

    @Test(arguments: ["ảnh", "Hình minh họa", "IMG_2041.jpg", "DSC0042", "nha.jpg", "nha", " image "])
    func descriptionsThatSayNothing(_ alt: String) {
        #expect(ImageAdvice.isMeaningless(alt, path: "media/anh/nha.jpg"))
    }

    @Test func aRealDescriptionIsFine() {
        #expect(!ImageAdvice.isMeaningless("Chị Lan kiểm tra giàn nho ở Nagano", path: "media/anh/nha.jpg"))
    }
}
