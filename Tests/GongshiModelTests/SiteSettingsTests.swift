import Testing

@testable import GongshiModel

@Suite("SiteSettings")
struct SiteSettingsTests {
    @Test("a base URL is an absolute http(s) address with a host, trimmed, ending in /")
    func baseURL() {
        #expect(SiteSettings.baseURL(" https://xinyong.example.gov.cn ") == "https://xinyong.example.gov.cn/")
        #expect(SiteSettings.baseURL("http://host/sub/dir") == "http://host/sub/dir/")
        #expect(SiteSettings.baseURL("https://host/a/") == "https://host/a/")
        for bad in ["https://", "http://", "https:///path", "ftp://host/", "host/", "/xinyong/", ""] {
            #expect(SiteSettings.baseURL(bad) == nil, "\(bad)")
        }
    }
}
