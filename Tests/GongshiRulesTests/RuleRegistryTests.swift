import Foundation
import GongshiModel
import Testing

@testable import GongshiRules

/// Adding a rule is one file in `Rules/`, its test file and one registry line: these tests fail when
/// a rule file is not registered, has no test file, or is not documented in `Documentation/rules.md`.
@Suite("rule registry")
struct RuleRegistryTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func ruleFiles() throws -> [String] {
        let dir = repo.appendingPathComponent("Sources/GongshiRules/Rules").path
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }
            .map { String($0.dropLast(6)) }.sorted()
    }

    @Test("every file in Rules/ is a registered rule of the same name")
    func everyFileRegistered() throws {
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        let files = try Self.ruleFiles()
        #expect(files.count >= 26)
        for name in files { #expect(registered.contains(name), "Rules/\(name).swift is not in RuleRegistry") }
        #expect(registered.count == RuleRegistry.all.count, "a rule is registered twice")
        #expect(Set(files) == registered)
    }

    @Test("every rule has its own test file")
    func everyRuleTested() throws {
        let tests = Self.repo.appendingPathComponent("Tests/GongshiRulesTests").path
        for name in try Self.ruleFiles() {
            #expect(FileManager.default.fileExists(atPath: "\(tests)/\(name)Tests.swift"), "no \(name)Tests.swift")
        }
    }

    @Test("every rule id is unique, names its legal basis and is in Documentation/rules.md as generated")
    func documented() throws {
        let ids = allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for r in allRules {
            #expect(!r.basis.isEmpty && !r.summary.isEmpty && !r.example.isEmpty, "\(r.id)")
        }
        let doc = try String(contentsOf: Self.repo.appendingPathComponent("Documentation/rules.md"), encoding: .utf8)
        #expect(doc == RulesReference.markdown(), "regenerate with: swift run gongshi rules > Documentation/rules.md")
        for r in allRules {
            #expect(doc.contains("## \(r.id)\n"))
            #expect(doc.contains("- **依据：** \(r.basis)"))
        }
    }

    @Test("the new rule ids of SPEC §8 are registered with their severities")
    func newIDs() {
        let byID = Dictionary(uniqueKeysWithValues: allRules.map { ($0.id, $0.severity) })
        for id in [
            "bad-value", "publicity-too-long", "early-repair", "objection-overdue", "calendar-ending", "amount-unit",
        ] {
            #expect(byID[id] == .warning, "\(id)")
        }
        #expect(byID["missing-calendar"] == .error)
    }
}
