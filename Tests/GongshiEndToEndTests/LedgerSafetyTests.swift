import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The ledger is never lost or doubled: corrupt ledgers stop the build, the site lock refuses a second
/// build, leftovers of killed builds are removed, an interrupted commit is reconciled.
@Suite("ledger safety")
struct LedgerSafetyTests {
    func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    @Test(arguments: [
        ("2026-11-20,公示,xzcf,k#FF#\n", 3),  // #FF# becomes one invalid byte 0xFF
        ("2026-11-20,公示,xzcf,\"k,d\n", 3),  // unterminated quote
        ("2026-11-20,公示,xzcf\n", 3),  // too few columns
        ("2026-13-01,公示,xzcf,k,d\n", 3),  // bad date
    ])
    func aCorruptLedgerStopsTheBuildAndStaysUntouched(line: String, number: Int) throws {
        let site = try Gongshi.site("basic")
        let path = site + "/Content/ledger.csv"
        var data = bytes(path)
        // Line 2 is the fixture's first event; the bad line becomes line 3.
        let firstEnd = data.firstIndex(of: 0x0A)! + 1
        let secondEnd = data[firstEnd...].firstIndex(of: 0x0A)! + 1
        var bad = Array(line.utf8)
        if let r = line.range(of: "#FF#") {
            let at = line.utf8.distance(from: line.utf8.startIndex, to: r.lowerBound)
            bad.replaceSubrange(at..<(at + 4), with: [0xFF])
        }
        data.insert(contentsOf: bad, at: secondEnd)
        _ = FileManager.default.createFile(atPath: path, contents: Data(data))
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("Content/ledger.csv:\(number):"), "\(r.stderr)")
        #expect(bytes(path) == data)
        #expect(!FileManager.default.fileExists(atPath: site + "/Public"))
        // check stops too: a history it cannot read would judge every record late.
        #expect(try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"]).status == 2)
    }

    @Test func anUnreadableLedgerStopsTheBuild() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let site = try Gongshi.site("basic")
        let path = site + "/Content/ledger.csv"
        let before = bytes(path)
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("台账"))
        chmod(path, 0o644)
        #expect(bytes(path) == before)
    }

    @Test func aGB18030LedgerIsAppendedInGB18030() throws {
        let site = try Gongshi.site("basic")
        let path = site + "/Content/ledger.csv"
        let gb = String.Encoding(rawValue: 0x8000_0632)
        let text = Gongshi.read(path).replacingOccurrences(of: "\n", with: "\r\n")
        let original = [UInt8](text.data(using: gb)!)
        #expect(String(validating: original, as: UTF8.self) == nil)
        _ = FileManager.default.createFile(atPath: path, contents: Data(original))
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = bytes(path)
        #expect(Array(after.prefix(original.count)) == original)
        let added = String(data: Data(after.dropFirst(original.count)), encoding: gb) ?? ""
        #expect(added.contains("2026-11-25,公示,xzxk,xzxk:区市场监管局:周市监建〔2026〕3号,"))
        #expect(added.hasSuffix("\r\n"))
        // Read back as GB18030: the same date again appends nothing.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        #expect(bytes(path) == after)
    }

    /// A webmaster opens the ledger of a live site in Excel and saves it: the same events in another
    /// encoding continue the ledger; changed ones are refused, saying it was re-saved.
    @Test(arguments: ["gb18030", "bom"])
    func aLedgerResavedAfterABuildContinuesIt(how: String) throws {
        let site = try Gongshi.site("basic")
        let path = site + "/Content/ledger.csv"
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let text = Gongshi.read(path)
        let gb = String.Encoding(rawValue: 0x8000_0632)
        let resaved =
            how == "gb18030"
            ? [UInt8](text.replacingOccurrences(of: "\n", with: "\r\n").data(using: gb)!)
            : [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(resaved))
        try Gongshi.appendLicence(site)
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(bytes(path).prefix(resaved.count)) == resaved, "appended in its own encoding")
        // Saved again with a date rewritten the way Excel does: refused, naming the re-save.
        let changed = text.replacingOccurrences(of: "2026-11-25", with: "2026/11/25")
        _ = FileManager.default.createFile(
            atPath: path,
            contents: how == "gb18030" ? changed.data(using: gb) : Data([0xEF, 0xBB, 0xBF] + changed.utf8))
        let refused = try Gongshi.run(["build", "--site", site, "--date", "2026-11-27"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(how == "gb18030" ? "另存为GB18030 编码" : "另存为带 BOM 的 UTF-8"), "\(refused.stderr)")
    }

    /// Re-saved once by Excel (GB18030, CRLF), built, then re-saved in another form (UTF-8 with a BOM),
    /// then back as Gongshi writes it: each continues the ledger, as its text still does.
    @Test func aLedgerResavedAgainInAnotherFormContinuesIt() throws {
        let site = try Gongshi.site("basic")
        let path = site + "/Content/ledger.csv"
        let gb = String.Encoding(rawValue: 0x8000_0632)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let first = Gongshi.read(path)
        _ = FileManager.default.createFile(
            atPath: path, contents: first.replacingOccurrences(of: "\n", with: "\r\n").data(using: gb))
        try Gongshi.appendLicence(site)
        let second = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(second.status == 0, "\(second.stderr)")
        let text = try #require(String(data: Data(bytes(path)), encoding: gb))
        #expect(text.count > first.count)
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bom))
        let third = try Gongshi.run(["build", "--site", site, "--date", "2026-11-27"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Array(bytes(path).prefix(bom.count)) == bom)
        let plain = Gongshi.read(path).replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "\r\n", with: "\n")
        _ = FileManager.default.createFile(atPath: path, contents: Data(plain.utf8))
        let fourth = try Gongshi.run(["build", "--site", site, "--date", "2026-11-30"])
        #expect(fourth.status == 0, "\(fourth.stderr)")
        // A line of it changed is still refused.
        _ = FileManager.default.createFile(
            atPath: path, contents: plain.replacingOccurrences(of: "2026-11-25", with: "2026/11/25").data(using: gb))
        let refused = try Gongshi.run(["build", "--site", site, "--date", "2026-12-01"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("另存为GB18030 编码"), "\(refused.stderr)")
    }

    @Test func aSecondBuildIsRefusedNamingTheFirst() throws {
        let site = try Gongshi.site("basic")
        let lockPath = site + "/.gongshi.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, pid.count, 0) }
        let ledger = bytes(site + "/Content/ledger.csv")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("进程 \(getpid())"), "\(r.stderr)")
        #expect(bytes(site + "/Content/ledger.csv") == ledger)
        #expect(!FileManager.default.fileExists(atPath: site + "/Public"))
        flock(fd, LOCK_UN)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
    }

    @Test func leftoversOfKilledBuildsAreRemovedByName() throws {
        let site = try Gongshi.site("basic")
        let fm = FileManager.default
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        // Named after a live process (this one) and a dead one; one old copy read-only inside.
        let live = getpid()
        for dir in [".Public.gongshi-staging-\(live)", ".Public.gongshi-staging-999999", "Public.gongshi-old-\(live)"] {
            try fm.createDirectory(atPath: site + "/" + dir + "/xzxk", withIntermediateDirectories: true)
            try "old".write(toFile: site + "/" + dir + "/xzxk/index.html", atomically: true, encoding: .utf8)
        }
        chmod(site + "/Public.gongshi-old-\(live)/xzxk", 0o555)
        chmod(site + "/Public.gongshi-old-\(live)", 0o555)
        try "x".write(toFile: site + "/Content/ledger.csv.tmp-\(live)", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stderr)")
        let left = try fm.contentsOfDirectory(atPath: site).filter {
            $0.contains("gongshi-staging") || $0.contains("gongshi-old")
        }
        #expect(left.isEmpty, "\(left)")
        #expect(!(try fm.contentsOfDirectory(atPath: site + "/Content")).contains { $0.hasPrefix("ledger.csv.") })
    }

    @Test func anInterruptedCommitIsTakenBackNotDoubled() throws {
        // What a build killed after its ledger append and before its swap leaves: the ledger with its
        // events, the old site, and the pending note. The next build must not keep those events as
        // published (they never were) and must not write them twice.
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        // Built on the ledger's last date (a build may not write it earlier); a licence decided later.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-18"]).status == 0)
        try Gongshi.appendLicence(site)
        let l1 = bytes(ledger)
        let p1 = site + "/P1"
        try FileManager.default.copyItem(atPath: site + "/Public", toPath: p1)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let l2 = bytes(ledger)
        #expect(l2.count > l1.count)
        try FileManager.default.removeItem(atPath: site + "/Public")
        try FileManager.default.moveItem(atPath: p1, toPath: site + "/Public")
        let note =
            "before-bytes: \(l1.count)\nbefore-sha256: \(sha256(l1))\nafter-bytes: \(l2.count)\nafter-sha256: \(sha256(l2))\nout: \(realPath(site + "/Public"))\n"
        try note.write(toFile: ledger + ".pending", atomically: true, encoding: .utf8)

        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(r.status == 0, "\(r.stderr)")
        let l3 = bytes(ledger)
        #expect(Array(l3.prefix(l1.count)) == l1)
        let added = String(decoding: l3.dropFirst(l1.count), as: UTF8.self)
        #expect(!added.contains("2026-11-25,"), "\(added)")
        #expect(added.contains("2026-11-26,公示,xzxk,xzxk:区市场监管局:周市监建〔2026〕9号,"))
        #expect(!FileManager.default.fileExists(atPath: ledger + ".pending"))
        #expect(Gongshi.read(site + "/Public/.gongshi-output").contains("ledger-sha256: \(sha256(l3))"))
    }

    @Test func aCommitWhoseSiteWasMovedSinceIsKept() throws {
        // Killed after its swap, before removing its note; then the whole site folder moved. The note
        // names the old path, where nothing is: the moved output's mark says the events went live.
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-18"]).status == 0)
        let l1 = bytes(ledger)
        try Gongshi.appendLicence(site)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let l2 = bytes(ledger)
        let note =
            "before-bytes: \(l1.count)\nbefore-sha256: \(sha256(l1))\nafter-bytes: \(l2.count)\nafter-sha256: \(sha256(l2))\nout: \(site)-moved-away/Public\n"
        try note.write(toFile: ledger + ".pending", atomically: true, encoding: .utf8)

        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(bytes(ledger).prefix(l2.count)) == l2, "the 2026-11-25 events stay")
        #expect(!FileManager.default.fileExists(atPath: ledger + ".pending"))
    }

    func realPath(_ p: String) -> String {
        guard let r = realpath(p, nil) else { return p }
        defer { free(r) }
        return String(cString: r)
    }
}

extension Gongshi {
    /// Adds to the basic fixture a licence decided 2026-11-24 (周市监建〔2026〕9号).
    static func appendLicence(_ site: String) throws {
        let licences = site + "/Content/xzxk/2026-11.csv"
        try
            (Gongshi.read(licences)
            + "周村测试丙建材有限公司,法人及非法人组织,91370306MA3C10033K,李四,,,建筑材料许可决定书,周市监建〔2026〕9号,核准,经营建材,2026-11-24,,区市场监管局,11370306004000024A,,,\n")
            .write(toFile: licences, atomically: true, encoding: .utf8)
    }
}

/// SHA-256 hex of bytes, by `sha256sum` (the test target has no crypto library).
func sha256(_ bytes: [UInt8]) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try? p.run()
    input.fileHandleForWriting.write(Data(bytes))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}
