import Foundation
import GongshiModel
import Testing

@testable import GongshiBuild

@Suite("The site lock")
struct SiteLockTests {
    @Test("a second writer is refused with the holder's process id, and may go once the lock is released")
    func secondWriter() throws {
        let site = NSTemporaryDirectory() + "gongshi-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let first = try #require(try SiteLock.acquire(site: site))
        do {
            _ = try SiteLock.acquire(site: site)
            Issue.record("the second writer was let in")
        } catch {
            #expect(error.message.hasPrefix("进程 \(getpid()) 正在构建或写入此站点"), "\(error.message)")
        }
        first.release()
        #expect(try SiteLock.acquire(site: site) != nil)
    }
}
