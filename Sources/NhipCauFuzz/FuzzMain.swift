import CFuzzerDriver
import Foundation

/// Entry point of the fuzz target.
///
/// Built by `make fuzz` (`-sanitize=fuzzer,address -DNHIPCAU_FUZZING`), it hands the command line
/// to libFuzzer, which calls `fuzzOneInput` with generated inputs. In an ordinary build (which
/// `swift build` does for every target) there is no libFuzzer to link, so it replays the files
/// named on its command line instead: `NhipCauFuzz crash-…` reproduces a finding without the fuzzer.
/// Why not libFuzzer's own `main`: SwiftPM links an executable with `main=NhipCauFuzz_main`, so the
/// entry point must be this module's; it calls libFuzzer's driver itself.
@main
enum FuzzMain {
    static func main() {
        #if NHIPCAU_FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst())))
        #endif
    }

    static func replay(_ paths: [String]) -> Int32 {
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: NhipCauFuzz FILE…  (runs each file through the fuzzed pipeline)\n".utf8))
            return 2
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                return 1
            }
            let started = ContinuousClock.now
            FuzzPipeline.run([UInt8](data))
            print("ok \(path) (\(ContinuousClock.now - started))")
        }
        return 0
    }
}

/// libFuzzer's callback: one input through every loader and renderer. Returns 0, as libFuzzer asks.
/// Exported under libFuzzer's name as well: the runtime's own `main` (which the linker may pull in
/// before SwiftPM's `main=NhipCauFuzz_main` takes its place) refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzPipeline.run(bytes)
    return 0
}
