import Foundation
import Testing

/// The demo's `Content/` is what `Scripts/generate_site.py --demo` writes, byte for byte (the
/// generated data, the real-export files, the workbooks and their sidecars, `site.yml`).
@Suite("demo content")
struct DemoContentTests {
    @Test func regeneratingTheDemoReproducesTheCommittedContent() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongshi-demo-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        let content = Gongshi.repo.appendingPathComponent("Content").path
        try fm.copyItem(atPath: content, toPath: dir)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --shared: a folder that does not exist, so the copy's own calendars and memoranda are kept.
        p.arguments = [
            "python3", Gongshi.repo.path + "/Scripts/generate_site.py", "--demo", "--out", dir, "--shared",
            dir + "/none",
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        let committed = Gongshi.files(content).filter { !$0.hasPrefix("baogao/") }
        #expect(Gongshi.files(dir).filter { !$0.hasPrefix("baogao/") } == committed)
        for f in committed {
            #expect(fm.contents(atPath: dir + "/" + f) == fm.contents(atPath: content + "/" + f), "\(f)")
        }
    }
}
