import Foundation
import Testing

/// Headless Chromium types queries into /sousuo/ (Tests/browser/search_test.py, selenium).
/// Skipped when Chromium, chromedriver or selenium is not installed.
@Suite("search in a real browser")
struct BrowserSearchTests {
    static let available: Bool = {
        let fm = FileManager.default
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func has(_ tool: String) -> Bool { paths.contains { fm.isExecutableFile(atPath: $0 + "/" + tool) } }
        guard has("chromedriver"), has("chromium") || has("chromium-browser"), has("python3") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import selenium"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// Runs `Tests/browser/<script>` on the repository's demo site; its standard output.
    func runBrowserScript(_ script: String) throws -> (status: Int32, text: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", Gongshi.repo.appendingPathComponent("Tests/browser/\(script)").path,
            "--gongshi", Gongshi.binary, "--site", Gongshi.repo.path,
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test(.enabled(if: available, "needs chromium, chromedriver and selenium"))
    func queriesFindTheRightEntities() throws {
        let (status, text) = try runBrowserScript("search_test.py")
        #expect(status == 0, "\(text)")
        #expect(text.contains("search_test: 0 failed"))
    }

    /// Tests/browser/filter_test.py: the listing filters of /xzcf/ against the open data.
    @Test(.enabled(if: available, "needs chromium, chromedriver and selenium"))
    func listingFiltersShowTheRowsOfTheOpenData() throws {
        let (status, text) = try runBrowserScript("filter_test.py")
        #expect(status == 0, "\(text)")
        #expect(text.contains("filter_test: 0 failed"))
    }
}
