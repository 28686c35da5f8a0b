import NhipCauCore

/// One kind's model as bytes in the front matter cache (`FrontMatterCache.Entry.model`), so that an
/// unchanged file of the kinds a big site has by the thousand (stories, job orders) is made from them,
/// not from its front matter parsed and checked again: for a one-story edit of a 10,000-story site
/// that was a sixth of the build. Only a model whose parsing said nothing is kept (a warning is said
/// by every build). What the document derives from the path and the entry is not written.
struct ModelCodec<Model>: Sendable {
    /// What a document is made of besides its model's own bytes.
    struct Base {
        let kind: ContentKind
        let slug: String
        let file: String
        let bodyLine: Int
        let frontMatterSource: String
    }

    let encode: @Sendable (Model, inout CacheBytesWriter) -> Void
    let decode: @Sendable (inout CacheBytesReader, Base) -> Model?

    func encoded(_ model: Model) -> [UInt8] {
        var writer = CacheBytesWriter()
        encode(model, &writer)
        return writer.bytes
    }
}

extension ModelCodec where Model == Story {
    static let story = ModelCodec(encode: { story, writer in
        writer.document(story.document)
        writer.text(story.title)
        writer.date(story.date)
        writer.optionalText(story.summary)
        writer.optionalText(story.person)
        writer.located(story.market, file: story.document.file)
        writer.located(story.area, file: story.document.file)
        writer.texts(story.tags)
        writer.texts(story.tagSlugs)
        writer.located(story.image, file: story.document.file)
        writer.optionalText(story.imageAlt)
        writer.optionalText(story.author)
        writer.flags(story.draft, story.sample)
    }, decode: { reader, base in
        guard let document = reader.document(base), let title = reader.text(), let date = reader.date(),
              let summary = reader.optionalText(), let person = reader.optionalText(),
              let market = reader.located(file: base.file), let area = reader.located(file: base.file),
              let tags = reader.texts(), let tagSlugs = reader.texts(), tags.count == tagSlugs.count,
              let image = reader.located(file: base.file), let imageAlt = reader.optionalText(), let author = reader.optionalText(),
              let flags = reader.flags() else { return nil }
        return Story(document: document, title: title, date: date, summary: summary, person: person, market: market, area: area,
                     tags: Array(zip(tags, tagSlugs)), image: image, imageAlt: imageAlt, author: author, draft: flags.0, sample: flags.1)
    })
}

extension ModelCodec where Model == Job {
    static let job = ModelCodec(encode: { job, writer in
        let file = job.document.file
        writer.document(job.document)
        writer.text(job.title)
        writer.date(job.date)
        writer.located(job.enterprise, file: file)
        writer.located(job.market, file: file)
        writer.text(job.occupation)
        writer.integer(Int64(job.positions))
        writer.date(job.applyBy)
        writer.optionalInteger(job.salaryVND?.lowerBound)
        writer.optionalInteger(job.salaryVND?.upperBound)
        writer.optionalText(job.salaryNote)
        writer.optionalText(job.contract)
        writer.optionalInteger(job.contractMonths)
        writer.integer(UInt32(job.costs.count))
        for cost in job.costs {
            writer.text(cost.item)
            writer.integer(Int64(cost.vnd))
            writer.optionalText(cost.note)
            writer.flags(cost.isServiceFee, false)
            writer.location(cost.location, file: file)
            writer.text(cost.keyPath)
        }
        writer.optionalInteger(job.depositVND)
        writer.optionalText(job.requirements)
        writer.integer(UInt32(job.areas.count))
        for area in job.areas { writer.located(area, file: file) }
        writer.integer(UInt8(job.approval == nil ? 0 : 1))
        if let approval = job.approval {
            writer.text(approval.number)
            writer.optionalDate(approval.date)
        }
        writer.optionalText(job.summary)
        writer.flags(job.sample, false)
        writer.location(job.dateLocation, file: file)
    }, decode: { reader, base in
        let file = base.file
        guard let document = reader.document(base), let title = reader.text(), let date = reader.date(),
              let enterprise = reader.located(file: file).flatMap({ $0 }), let market = reader.located(file: file).flatMap({ $0 }),
              let occupation = reader.text(), let positions = reader.integer(Int64.self), let applyBy = reader.date(),
              let salaryLow = reader.optionalInteger(), let salaryHigh = reader.optionalInteger(),
              let salaryNote = reader.optionalText(), let contract = reader.optionalText(), let contractMonths = reader.optionalInteger(),
              let costCount = reader.integer(UInt32.self), Int(costCount) <= reader.remaining else { return nil }
        var costs: [JobCost] = []
        for _ in 0..<costCount {
            guard let item = reader.text(), let vnd = reader.integer(Int64.self), let note = reader.optionalText(),
                  let flags = reader.flags(), let location = reader.location(file: file), let keyPath = reader.text() else { return nil }
            costs.append(JobCost(item: item, vnd: Int(vnd), note: note, isServiceFee: flags.0, location: location, keyPath: keyPath))
        }
        guard let deposit = reader.optionalInteger(), let requirements = reader.optionalText(),
              let areaCount = reader.integer(UInt32.self), Int(areaCount) <= reader.remaining else { return nil }
        var areas: [Located<String>] = []
        for _ in 0..<areaCount {
            guard let area = reader.located(file: file).flatMap({ $0 }) else { return nil }
            areas.append(area)
        }
        guard let hasApproval = reader.integer(UInt8.self), hasApproval <= 1 else { return nil }
        var approval: JobApproval?
        if hasApproval == 1 {
            guard let number = reader.text(), let approvalDate = reader.optionalDate() else { return nil }
            approval = JobApproval(number: number, date: approvalDate)
        }
        guard let summary = reader.optionalText(), let flags = reader.flags(), let dateLocation = reader.location(file: file) else { return nil }
        let salary: ClosedRange<Int>?
        switch (salaryLow, salaryHigh) {
        case (nil, nil): salary = nil
        case (let low?, let high?) where low <= high: salary = low...high
        default: return nil
        }
        return Job(document: document, title: title, date: date, enterprise: enterprise, market: market, occupation: occupation,
                   positions: Int(positions), applyBy: applyBy, salaryVND: salary, salaryNote: salaryNote, contract: contract,
                   contractMonths: contractMonths, costs: costs, depositVND: deposit, requirements: requirements, areas: areas,
                   approval: approval, summary: summary, sample: flags.0, dateLocation: dateLocation)
    })
}

// MARK: - The pieces models are made of

/// Optional values are written with a leading byte (0: none, 1: a value); a location's file is left out
/// when it is the document's own (it always is, for what the parsers make).
extension CacheBytesWriter {
    mutating func optionalText(_ value: String?) {
        integer(UInt8(value == nil ? 0 : 1))
        if let value { text(value) }
    }

    mutating func texts(_ values: [String]) {
        integer(UInt32(values.count))
        for value in values { text(value) }
    }

    mutating func optionalInteger(_ value: Int?) {
        integer(UInt8(value == nil ? 0 : 1))
        if let value { integer(Int64(value)) }
    }

    mutating func date(_ value: SimpleDate) {
        integer(UInt16(value.year))
        integer(UInt8(value.month))
        integer(UInt8(value.day))
    }

    mutating func optionalDate(_ value: SimpleDate?) {
        integer(UInt8(value == nil ? 0 : 1))
        if let value { date(value) }
    }

    mutating func flags(_ first: Bool, _ second: Bool) {
        integer(UInt8((first ? 1 : 0) | (second ? 2 : 0)))
    }

    mutating func location(_ value: SourceLocation, file: String) {
        optionalText(value.file == file ? nil : value.file)
        optionalInteger(value.line)
        optionalInteger(value.column)
        optionalText(value.jsonPath)
    }

    mutating func located(_ value: Located<String>?, file: String) {
        integer(UInt8(value == nil ? 0 : 1))
        if let value {
            text(value.value)
            location(value.location, file: file)
        }
    }

    mutating func document(_ value: ContentDocument) {
        optionalDate(value.updated)
        integer(UInt8(value.updatedLocation == nil ? 0 : 1))
        if let location = value.updatedLocation { self.location(location, file: value.file) }
    }
}

/// Each reads what the writer's method of the same name wrote: the outer optional is nil when the
/// bytes are not that (a damaged entry), the inner one is the value's own.
extension CacheBytesReader {
    mutating func optional<Value>(_ read: (inout CacheBytesReader) -> Value?) -> Value?? {
        switch integer(UInt8.self) {
        case 0: return .some(nil)
        case 1: return read(&self).map { .some($0) }
        default: return nil
        }
    }

    mutating func optionalText() -> String?? { optional { $0.text() } }

    mutating func texts() -> [String]? {
        guard let count = integer(UInt32.self), Int(count) <= remaining else { return nil }
        var values: [String] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let value = text() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func optionalInteger() -> Int?? { optional { $0.integer(Int64.self).map(Int.init) } }

    mutating func date() -> SimpleDate? {
        guard let year = integer(UInt16.self), let month = integer(UInt8.self), let day = integer(UInt8.self) else { return nil }
        return SimpleDate(year: Int(year), month: Int(month), day: Int(day))
    }

    mutating func optionalDate() -> SimpleDate?? { optional { $0.date() } }

    mutating func flags() -> (Bool, Bool)? {
        guard let byte = integer(UInt8.self), byte <= 3 else { return nil }
        return (byte & 1 != 0, byte & 2 != 0)
    }

    mutating func location(file: String) -> SourceLocation? {
        guard let ownFile = optionalText(), let line = optionalInteger(), let column = optionalInteger(),
              let jsonPath = optionalText() else { return nil }
        return SourceLocation(file: ownFile ?? file, line: line, column: column, jsonPath: jsonPath)
    }

    mutating func located(file: String) -> Located<String>?? {
        optional { reader in
            guard let value = reader.text(), let location = reader.location(file: file) else { return nil }
            return Located(value, at: location)
        }
    }

    mutating func document(_ base: ModelCodec<some Any>.Base) -> ContentDocument? {
        guard let updated = optionalDate(), let updatedLocation = optional({ $0.location(file: base.file) }) else { return nil }
        return ContentDocument(kind: base.kind, slug: base.slug, file: base.file, body: .inFile, bodyLine: base.bodyLine,
                               frontMatterSource: base.frontMatterSource, updated: updated, updatedLocation: updatedLocation)
    }
}
