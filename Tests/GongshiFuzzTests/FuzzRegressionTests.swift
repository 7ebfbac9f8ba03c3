import Foundation
import GongshiFuzz
import Testing

/// Replays every committed fuzz input — the crashes found so far (`Fuzz/Regressions/<target>/`)
/// and the seed corpus (`Fuzz/Corpus/<target>/`) — through the same entry points the libFuzzer
/// executables call. A reader that traps again on one of them stops this test process.
struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz").path

    static func inputs(_ folder: String, _ target: String) -> [String] {
        let dir = (fuzzFolder as NSString).appendingPathComponent("\(folder)/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func replaysCommittedInputs(target: String) throws {
        let run = try #require(FuzzTargets.named(target))
        let seeds = Self.inputs("Corpus", target)
        #expect(!seeds.isEmpty, "every target has a seed corpus")
        for path in seeds + Self.inputs("Regressions", target) {
            let data = try #require(FileManager.default.contents(atPath: path))
            run([UInt8](data))
        }
    }

    @Test func everyCorpusFolderIsATarget() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder + "/Corpus").filter {
            !$0.hasPrefix(".")
        }
        #expect(Set(names) == Set(FuzzTargets.all.map(\.name)))
    }
}
