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
        // A near miss is pointed out in Chinese too.
        let near = try Gongshi.run(["build", "--outt", "x"])
        #expect(near.status == 2)
        #expect(near.stderr.contains("是否要用「--out」"), "\(near.stderr)")
        let port = try Gongshi.run(["serve", "--port", "99999"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("端口应为 1–65535"), "\(port.stderr)")
        let typo = try Gongshi.run(["buidl"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("未知的子命令「buidl」（可用：build、"), "\(typo.stderr)")
        let helpTypo = try Gongshi.run(["help", "biuld"])
        #expect(helpTypo.status == 2)
        #expect(helpTypo.stderr.contains("未知的子命令「biuld」"), "\(helpTypo.stderr)")
        #expect(try Gongshi.run(["help", "build"]).status == 0)
        let extra = try Gongshi.run(["new", "article", "2026-12"])
        #expect(extra.stderr.contains("多余的参数："), "\(extra.stderr)")
        for r in [unknown, value, missing, near, port, typo, extra] {
            #expect(!r.stderr.contains("unexpected"))
            #expect(!r.stderr.contains("Error:"))
            #expect(!r.stderr.contains("Usage:"))
            #expect(!r.stderr.contains("Did you mean"))
        }
    }

    @Test func yamlAndTemplateErrorsAreChineseWithFileAndLine() throws {
        let site = try Gongshi.site("basic")
        let settings = site + "/Content/site.yml"
        let good = Gongshi.read(settings)
        try "title: [信用\nbaseURL: https://x.example/\n".write(toFile: settings, atomically: true, encoding: .utf8)
        let yaml = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(yaml.status == 2)
        #expect(yaml.stderr.contains("Content/site.yml:2"))
        #expect(yaml.stderr.contains("第2行第"))
        #expect(yaml.stderr.contains("缺少「,」或「]」"))
        #expect(!yaml.stderr.contains("did not find"))
        try good.write(toFile: settings, atomically: true, encoding: .utf8)

        let template = site + "/Templates/home.mustache"
        let home = Gongshi.read(template)
        let line = home.split(separator: "\n", omittingEmptySubsequences: false).count
        try (home + "{{#unclosed}}\n").write(toFile: template, atomically: true, encoding: .utf8)
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(build.status == 2)
        // Named where it was opened, not at the end of the file where the parser noticed.
        #expect(build.stderr.contains("Templates/home.mustache:\(line):"), "\(build.stderr)")
        #expect(build.stderr.contains("区块没有结束标签"))
        #expect(build.stderr.contains("{{#unclosed}} 之后缺少 {{/unclosed}}"))

        // A template the theme lacks is named, with where to get the default one.
        try home.write(toFile: template, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/Templates/record.mustache")
        let missing = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Templates/record.mustache") && missing.stderr.contains("gongshi init"))
        #expect(!build.stderr.contains("expectedSectionEnd"))
    }
}
