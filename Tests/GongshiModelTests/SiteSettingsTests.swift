import Testing

@testable import GongshiModel

@Suite("SiteSettings")
struct SiteSettingsTests {
    @Test("a base URL is an absolute http(s) address with a host, trimmed, ending in /")
    func baseURL() {
        #expect(SiteSettings.baseURL(" https://xinyong.example.gov.cn ") == "https://xinyong.example.gov.cn/")
        #expect(SiteSettings.baseURL("http://host/sub/dir") == "http://host/sub/dir/")
        #expect(SiteSettings.baseURL("https://host/a/") == "https://host/a/")
        #expect(SiteSettings.baseURL("HTTPS://host/") == "HTTPS://host/")
        #expect(SiteSettings.baseURL("https://host:8443/a") == "https://host:8443/a/")
        for bad in [
            "https://", "http://", "https:///path", "ftp://host/", "host/", "/xinyong/", "", "https://host/a b/",
            "https://host?x=1", "https://host#f", "https://:8080/", "https://user@host/",
        ] {
            #expect(SiteSettings.baseURL(bad) == nil, "\(bad)")
        }
    }
}
