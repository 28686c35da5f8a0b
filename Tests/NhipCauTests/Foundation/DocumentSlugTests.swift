@testable import NhipCauLoad
import Testing

/// A content file's address is its name without `.md` or `.json`, read byte by byte.
@Suite struct DocumentSlugTests {
    @Test(arguments: [
        ("stories/chi-lan.md", "chi-lan"), ("targets/ke-hoach-2024.json", "ke-hoach-2024"), ("chi-lan.md", "chi-lan"),
        ("media/anh.png", "anh.png"), ("stories/Đà Nẵng.md", "Đà Nẵng"), ("stories/a.md.md", "a.md"),
        ("targets/x.jsonx", "x.jsonx"), ("a/b/c.json", "c"), ("stories/md", "md"), ("stories/.md", ""),
    ])
    func aFilesSlugIsItsNameWithoutItsExtension(file: String, slug: String) {
        #expect(DocumentReader.slug(of: file) == slug)
    }
}
