import Foundation
import Testing
import NhipCauCore
@testable import NhipCauBuild
@testable import NhipCauWrite

/// The staging folder is taken from what the last build but one left there (`StagingRecord`):
/// a folder whose status did not move since is not read again, and anything put in a folder since
/// (a link, a stray file) changes that folder's status, so it is read and dealt with as before.
@Suite struct StagingRecordTests {
    static let files = ["index.html": "trang chủ", "a/index.html": "a", "a/b/index.html": "b", "c/index.html": "c"]

    /// Publishes `files` into the site, taking the staging folder with `record`; what the build
    /// leaves for later, and how many staging folders it read.
    func publish(_ site: TestSite, _ record: StagingRecord?) throws -> (record: StagingRecord, read: Int) {
        let folder = try OutputDirectory(output: site.output, content: site.content, settings: OutputSettings(settledSeconds: 0)) { record }
        for (path, text) in Self.files { try folder.write(text, to: path) }
        let made = folder.publishedRecord()
        try folder.publish()
        return (made, folder.stagingFoldersRead)
    }

    /// Four publishes: the two folders take turns, so the fifth takes the first one again, with
    /// the record the third left (the first's own says nothing: it made every folder).
    func fourPublishes(_ site: TestSite) throws -> StagingRecord {
        let first = try publish(site, nil)
        _ = try publish(site, nil)
        let third = try publish(site, first.record)
        #expect(third.read == 4, "the first build made every folder: all are read")
        _ = try publish(site, nil)
        return third.record
    }

    @Test func foldersUnchangedSinceTheRecordAreNotReadAgain() throws {
        let site = try TestSite()
        let record = try fourPublishes(site)
        #expect(record.folders.map(\.path) == ["", "a", "a/b", "c"])
        #expect(record.folders.map { $0.key == 0 } == [true, false, false, false], "the root is renamed by every publish")
        #expect(try publish(site, record).read == 1)
        #expect(fileTree(site.output).keys.sorted() == [".nhipcau-site"] + Self.files.keys.sorted())
    }

    @Test func aLinkOrAStrayFilePutInARecordedFolderIsFound() throws {
        let site = try TestSite()
        let record = try fourPublishes(site)
        let staging = site.root.appendingPathComponent(".site.nhipcau-new")
        let victim = site.root.appendingPathComponent("bi-mat.txt")
        try Data("bí mật".utf8).write(to: victim)
        let files = FileManager.default
        try files.createSymbolicLink(at: staging.appendingPathComponent("a/b/lien-ket.html"), withDestinationURL: victim)
        try files.removeItem(at: staging.appendingPathComponent("c/index.html"))
        try files.createSymbolicLink(at: staging.appendingPathComponent("c/index.html"), withDestinationURL: victim)
        try Data("thừa".utf8).write(to: staging.appendingPathComponent("a/thua.txt"))

        #expect(try publish(site, record).read == 4, "the root, and the three folders that changed")
        #expect(files.contents(atPath: victim.path) == Data("bí mật".utf8))
        #expect(fileTree(site.output).keys.sorted() == [".nhipcau-site"] + Self.files.keys.sorted())
        #expect(site.read("c/index.html") == "c")
        #expect((try? files.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent("a/b/lien-ket.html").path)) == nil)
    }

    /// The record says exactly what the published folder holds, whatever the build added,
    /// removed, or turned from a file into a folder and back; a wrong record would let a later
    /// build take a missing file for one that is there.
    @Test func theRecordIsTheTreeThatWasPublished() throws {
        let site = try TestSite()
        let sets: [[String]] = [
            ["index.html", "a/index.html", "a/b/index.html", "c/index.html", "d/e/f/index.html"],
            ["index.html", "a/index.html", "c", "g/h/index.html", "d/e/x.html"],
            ["index.html", "c/index.html", "a/b/index.html", "a-b/index.html"],
        ]
        var records: [StagingRecord?] = [nil, nil]
        var readFewer = false
        for round in 0..<9 {
            let files = sets[round % sets.count]
            let folder = try OutputDirectory(output: site.output, content: site.content,
                                             settings: OutputSettings(settledSeconds: 0)) { records[round % 2] }
            for path in files { try folder.write("\(round) \(path)", to: path) }
            let record = folder.publishedRecord()
            try folder.publish()
            records[round % 2] = record
            readFewer = readFewer || folder.stagingFoldersRead < record.folders.count
            let published = Set(fileTree(site.output).keys)
            let recorded = Set(record.folders.flatMap { folder in folder.files.map { folder.path.isEmpty ? $0 : folder.path + "/" + $0 } })
            #expect(recorded == published, "round \(round)")
            #expect(record.folders.map(\.path) == [""] + folderList(site.output), "round \(round)")
        }
        #expect(readFewer, "no build trusted a recorded folder")
    }

    /// A record read back is the one written; one naming a folder outside the site, or missing
    /// the root, is not used (every folder is read then).
    @Test func aRecordReadsBackAndOneLeadingOutsideIsRefused() throws {
        func roundTrip(_ folders: [StagingRecord.Folder]) -> StagingRecord? {
            var writer = CacheBytesWriter()
            StagingRecord(folders: folders).encode(into: &writer)
            var reader = CacheBytesReader(writer.bytes, from: 0)
            return StagingRecord.decode(from: &reader)
        }
        let good = [StagingRecord.Folder(path: "", key: 0, files: [".nhipcau-site", "index.html"]),
                    StagingRecord.Folder(path: "a", key: 7, files: ["index.html"]),
                    StagingRecord.Folder(path: "a/...b", key: 9, files: ["..c"])]
        #expect(roundTrip(good) == StagingRecord(folders: good))
        for bad in ["..", "a/../..", "/etc", "a//b", "a/.", "a/"] {
            #expect(roundTrip([good[0], StagingRecord.Folder(path: bad, key: 1, files: [])]) == nil, "\(bad)")
        }
        for badFile in ["..", ".", "", "b/c"] {
            #expect(roundTrip([StagingRecord.Folder(path: "", key: 0, files: [badFile])]) == nil, "\(badFile)")
        }
        #expect(roundTrip(Array(good.dropFirst())) == nil, "no root")
        #expect(roundTrip([good[0], good[2], good[1]]) == nil, "a folder before the folder holding it")
    }

    /// Through whole builds: the build cache carries each folder's record to the build after next.
    @Test func aLinkPutDeepInTheStagingFolderBetweenBuildsIsRemoved() throws {
        let site = try TestSite(TestSite.minimal)
        func build() -> BuildOutcome {
            var options = BuildOptions(content: site.content, output: site.output, today: testDate)
            options.settledSeconds = 0
            return BuildOutcome(result: SiteBuild.run(options))
        }
        var read: [Int] = []
        for _ in 0..<5 {
            let outcome = build()
            try #require(outcome.succeeded)
            read.append(outcome.report?.stagingFoldersRead ?? -1)
        }
        let folders = folderList(site.output).count
        #expect(read[4] < folders / 2, "\(read) of \(folders) folders")

        let staging = site.root.appendingPathComponent(".site.nhipcau-new")
        let victim = site.root.appendingPathComponent("bi-mat.txt")
        try Data("bí mật".utf8).write(to: victim)
        let story = staging.appendingPathComponent("cau-chuyen/chi-lan/index.html")
        try FileManager.default.removeItem(at: story)
        try FileManager.default.createSymbolicLink(at: story, withDestinationURL: victim)
        try FileManager.default.createSymbolicLink(at: staging.appendingPathComponent("cau-chuyen/chi-lan/khac.html"), withDestinationURL: victim)

        try #require(build().succeeded)
        #expect(FileManager.default.contents(atPath: victim.path) == Data("bí mật".utf8))
        let fresh = try TestSite(TestSite.minimal)
        try #require(fresh.build().succeeded)
        let built = fileTree(site.output), expected = fileTree(fresh.output)
        #expect(Set(built.keys).union(expected.keys).filter { built[$0] != expected[$0] }.sorted() == [])
        #expect(folderList(site.output) == folderList(fresh.output))
    }
}
