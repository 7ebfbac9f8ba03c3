import Foundation
import Testing

@Suite("gongshi speaks Chinese on the command line")
struct CommandLineTests {
    @Test func helpIsChinese() throws {
        let r = try Gongshi.run(["check", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("用法："))
        #expect(r.stdout.contains("显示帮助信息"))
        for english in ["USAGE:", "OPTIONS:", "OVERVIEW:", "Show help information", "(default:"] {
            #expect(!r.stdout.contains(english), "untranslated \(english)")
        }
    }

    @Test func usageErrorsAreChineseWithStatus2() throws {
        let unknown = try Gongshi.run(["check", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("错误：未知的选项「--bogus」"))
        let value = try Gongshi.run(["check", "--format", "xml"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("不接受取值「xml」"))
        let missing = try Gongshi.run(["check", "--date"])
        #expect(missing.stderr.contains("缺少取值"))
        for r in [unknown, value, missing] {
            #expect(!r.stderr.contains("Error:"))
            #expect(!r.stderr.contains("Usage:"))
        }
    }
}
