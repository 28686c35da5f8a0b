import NhipCauCore

/// Reads one content file with every guard an officer's folder needs: size, binary, encoding, links
/// out of the folder or to folders, named pipes and other special files.
struct DocumentReader: Sendable {
    let content: any ContentReading
    let maxBytes: Int

    /// The file name without its extension: the page's or plan's address.
    static func slug(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".md", ".json"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    static func entryError(_ file: String, _ problem: ContentEntryProblem) -> Diagnostic {
        let location = SourceLocation(file: file)
        switch problem {
        case .linkOutside:
            return .error(location,
                vi: "Đây là liên kết (symlink) trỏ ra ngoài thư mục nội dung; công cụ không đọc tệp ngoài thư mục này. Hãy chép tệp (hoặc thư mục) thật vào.",
                en: "This is a symbolic link pointing outside the content folder; files outside it are not read. Copy the real file (or folder) in instead.")
        case .linkDangling:
            return .error(location,
                vi: "Đây là liên kết (symlink) tới một tệp không có, nên không biết nó trỏ tới đâu; công cụ coi như nó trỏ ra ngoài thư mục nội dung. Hãy chép tệp thật vào, hoặc xóa liên kết.",
                en: "This is a symbolic link to a file that does not exist, so where it points cannot be checked; it counts as pointing outside the content folder. Copy the real file in, or delete the link.")
        case .linkToFolder:
            return .error(location,
                vi: "Đây là liên kết (symlink) tới một thư mục; công cụ không đi theo liên kết thư mục (liên kết trỏ ngược lên trên sẽ làm trang bị đăng lặp lại mãi). Hãy chép thư mục thật vào, hoặc xóa liên kết.",
                en: "This is a symbolic link to a folder; folder links are not followed (one pointing back up would publish the same files over and over). Copy the real folder in, or delete the link.")
        case .notAFile:
            return .error(location,
                vi: "Đây không phải một tệp thường mà là ống dẫn (FIFO), socket hoặc thiết bị; công cụ không đọc nó. Xóa nó khỏi thư mục nội dung.",
                en: "This is not a regular file but a named pipe (FIFO), socket or device; it is not read. Remove it from the content folder.")
        }
    }

    /// The error for a link or special file at `file`, nil for a file that may be read.
    func entryProblem(_ file: String) -> Diagnostic? {
        content.entryProblem(file).map { Self.entryError(file, $0) }
    }

    func readBytes(_ file: String) -> Result<[UInt8], Diagnostic> {
        if let problem = entryProblem(file) { return .failure(problem) }
        if let size = content.size(of: file), size > maxBytes {
            return .failure(.error(SourceLocation(file: file),
                vi: "Tệp quá lớn (\(Self.kilobytes(size, .vi)) KB, giới hạn \(Self.kilobytes(maxBytes, .vi)) KB). Chia nhỏ tệp, hoặc tăng `max_file_size_mb` trong site.yml.",
                en: "The file is too large (\(Self.kilobytes(size, .en)) KB, limit \(Self.kilobytes(maxBytes, .en)) KB). Split it, or raise `max_file_size_mb` in site.yml."))
        }
        do {
            return .success(try content.read(file))
        } catch {
            return .failure(.error(SourceLocation(file: file),
                vi: "Không đọc được tệp: \(SystemReason.of(error).vi).", en: "Cannot read the file: \(SystemReason.of(error).en)."))
        }
    }

    /// Rounded up, so a file one byte over the limit never reads as the limit itself.
    static func kilobytes(_ bytes: Int, _ language: Language) -> String {
        NumberFormat(language: language).integer((bytes + 1023) / 1024)
    }

    func readText(_ file: String) -> Result<String, Diagnostic> {
        readBytes(file).flatMap { SourceText.decode($0, file: file) }
    }

    func readDocument(_ file: String, kind: ContentKind) -> Result<(FrontMatter, ContentDocument), Diagnostic> {
        if let problem = entryProblem(file) { return .failure(problem) }
        guard file.hasSuffix(".md") else {
            return .failure(.error(SourceLocation(file: file),
                vi: "Thư mục \(kind.folder)/ chỉ chứa tệp Markdown (.md). Đổi đuôi tệp thành .md, hoặc chuyển ảnh và tài liệu vào media/.",
                en: "The \(kind.folder)/ folder holds only Markdown (.md) files. Rename the file to .md, or move images and documents to media/."))
        }
        let slug = Self.slug(of: file)
        guard VietnameseText.isValidSlug(slug) else {
            let suggestion = VietnameseText.slug(slug)
            return .failure(.error(SourceLocation(file: file),
                vi: "Tên tệp `\(slug).md` chỉ được dùng chữ thường không dấu a–z, số 0–9 và dấu gạch ngang, vì nó là địa chỉ của trang." + (suggestion.isEmpty ? "" : " Đổi tên thành `\(suggestion).md`."),
                en: "The file name `\(slug).md` may only use lowercase a–z, digits 0–9 and hyphens, since it becomes the page's address." + (suggestion.isEmpty ? "" : " Rename it to `\(suggestion).md`.")))
        }
        return readText(file).flatMap { text in
            if text.isBlank {
                return .failure(.error(SourceLocation(file: file),
                    vi: "Tệp rỗng. Chép một tệp mẫu cùng thư mục rồi sửa nội dung, hoặc xóa tệp này.",
                    en: "The file is empty. Copy a sample file from the same folder and edit it, or delete this file."))
            }
            return SplitDocument.split(text, file: file).flatMap { split in
                FrontMatter.parse(split.frontMatter, file: file, firstLine: split.frontMatterLine, closingLine: split.closingLine).map { frontMatter in
                    var frontMatter = frontMatter
                    let updated = frontMatter.date("updated")
                    let document = ContentDocument(kind: kind, slug: slug, file: file, body: .inFile,
                                                   bodyLine: split.bodyLine, frontMatterSource: split.frontMatter,
                                                   updated: updated,
                                                   updatedLocation: updated.map { _ in frontMatter.location(of: "updated") })
                    return (frontMatter, document)
                }
            }
        }
    }
}
