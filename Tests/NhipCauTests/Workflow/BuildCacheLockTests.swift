#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import NhipCauBuild
import NhipCauCore
@testable import NhipCauWrite
import Testing

/// The build cache is read and written only while the output's lock is held. A build waiting for
/// another must read the cache that build left, and a build must have saved its cache before the
/// next one can take the folder: otherwise the next build could change the staging folder while
/// a cache that says what it holds lies beside it.
@Suite(.serialized) struct BuildCacheLockTests {
    /// Holds the output's lock as another build would: a lock on the lock file from another open file.
    final class HeldLock {
        private let descriptor: Int32

        init(_ site: TestSite) throws {
            descriptor = open(site.root.appendingPathComponent(".site.nhipcau-lock").path, O_RDWR | O_CREAT, 0o644)
            try #require(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        }

        static func isHeld(_ site: TestSite) -> Bool {
            let descriptor = open(site.root.appendingPathComponent(".site.nhipcau-lock").path, O_RDWR)
            defer { close(descriptor) }
            return descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) != 0
        }

        func release() { close(descriptor) }
    }

    static func cache(structure: UInt64) -> BuildCache {
        BuildCache(structure: structure, pages: [], staging: [], search: nil)
    }

    @Test func aBuildWaitingForTheLockReadsTheCacheTheBuildBeforeItSaved() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let cacheFile = site.root.appendingPathComponent("build-test.bin")
        Self.cache(structure: 1).save(cacheFile)
        let other = try HeldLock(site)
        let opening = OutputOpening(output: site.output, content: site.content, cacheFile: cacheFile)
        usleep(300_000)
        // The build holding the lock publishes and saves its cache before it lets go.
        Self.cache(structure: 2).save(cacheFile)
        other.release()
        let taken = try opening.output()
        defer { taken.directory.discard() }
        #expect(taken.cache?.structure == 2, "the cache read before the lock was held")
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path), "taken: the staging folder may change from here on")
    }

    @Test func aBuildThatStopsOnItsContentLeavesTheCacheFile() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let cacheFile = site.root.appendingPathComponent("build-test.bin")
        Self.cache(structure: 3).save(cacheFile)
        let opening = OutputOpening(output: site.output, content: site.content, cacheFile: cacheFile)
        opening.abandon()
        #expect(BuildCache.read(cacheFile)?.structure == 3)
        #expect(!HeldLock.isHeld(site))
    }

    @Test func theCacheIsInPlaceBeforeTheLockLetsAnotherBuildIn() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let cacheFile = site.root.appendingPathComponent("build-test.bin")
        let folder = try OutputDirectory(output: site.output, content: site.content)
        try folder.write("mới", to: "index.html")
        let saving = BuildCacheSaving(to: cacheFile) { Self.cache(structure: 4) }
        var heldWhileSaved = false
        try folder.publish {
            saving.commit()
            heldWhileSaved = HeldLock.isHeld(site) && BuildCache.read(cacheFile)?.structure == 4
        }
        #expect(heldWhileSaved)
        #expect(!HeldLock.isHeld(site))
        #expect(site.read("index.html") == "mới")
    }

    @Test func aPublishThatFailsKeepsTheLockUntilTheBuildGivesUp() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let cacheFile = site.root.appendingPathComponent("build-test.bin")
        let folder = try OutputDirectory(output: site.output, content: site.content, settings: OutputSettings(crashAt: .beforeSwap))
        let saving = BuildCacheSaving(to: cacheFile) { Self.cache(structure: 5) }
        #expect(throws: OutputError.self) { try folder.publish { saving.commit() } }
        saving.cancel()
        #expect(HeldLock.isHeld(site), "given up only by discard")
        var heldWhileDiscarding = false
        folder.discard { heldWhileDiscarding = HeldLock.isHeld(site) }
        #expect(heldWhileDiscarding)
        #expect(!HeldLock.isHeld(site))
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path), "a cache of a site not published is not left")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
