import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("gongshi serve")
struct ServeTests {
    func get(_ url: String) async -> (Int, String) {
        guard let u = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: u) else {
            return (0, "")
        }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    func waitFor(_ timeout: Double, _ condition: () async -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if await condition() { return true }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
        return false
    }

    @Test func previewsRebuildsShowsErrorsAndCleansUp() async throws {
        let site = try Gongshi.site("basic")
        let port = Gongshi.freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Gongshi.binary)
        p.arguments = [
            "serve", "--site", site, "--date", "2026-11-25", "--port", String(port), "--department", "scjgj",
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        let ledger = Gongshi.read(site + "/Content/ledger.csv")

        // Bounds for a machine under load (the whole suite runs in parallel; the preview's first build
        // took over 90 s at a load of 20 on two cores), not timing assertions.
        #expect(await waitFor(300) { await get(base + "/").0 == 200 })
        let home = await get(base + "/")
        #expect(home.1.contains("预览"))
        // Only the department's records; its findings on the preview index.
        let cf = await get(base + "/xzcf/")
        #expect(cf.1.contains("周村测试甲食品有限公司"))
        let index = await get(base + "/yulan/")
        #expect(index.1.contains("late-disclosure"))
        #expect(index.1.contains("Content/xzcf/2026-11.csv"))

        // A new record appears after a change.
        let path = site + "/Content/xzxk/2026-11.csv"
        var csv = Gongshi.read(path)
        csv +=
            "周村新增预览测试公司,法人及非法人组织,91370306MA3C10025Q,钱九,,,许可决定书,周市监新〔2026〕11号,普通,新增,2026-11-24,,区市场监管局,11370306004000024A,,,\n"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(await waitFor(60) { await get(base + "/xzxk/").1.contains("周村新增预览测试公司") })

        // A broken settings file: the error is shown, the last good site stays served.
        let settings = site + "/Content/site.yml"
        let good = Gongshi.read(settings)
        try (good + "\nunknownKey: 1\n").write(toFile: settings, atomically: true, encoding: .utf8)
        #expect(await waitFor(60) { await get(base + "/xzxk/").1.contains("构建失败") })
        #expect(await get(base + "/xzxk/").1.contains("周村新增预览测试公司"))
        try good.write(toFile: settings, atomically: true, encoding: .utf8)
        #expect(await waitFor(60) { !(await get(base + "/xzxk/").1.contains("构建失败")) })

        // Ctrl-C stops it and leaves nothing behind; the ledger was never written.
        kill(p.processIdentifier, SIGINT)
        #expect(await waitFor(15) { !p.isRunning })
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-serve-\(p.processIdentifier)")
            .path
        #expect(!FileManager.default.fileExists(atPath: temp))
        #expect(Gongshi.read(site + "/Content/ledger.csv") == ledger)
    }
}
