import Crypto
import Foundation
import GongshiModel
import GongshiRules

/// One feed entry, whatever it announces.
struct FeedItem {
    let id: String
    let title: String
    let url: String
    let published: LocalDate
    let updated: LocalDate
    let html: String
    let summary: String
    let sortKey: String
}

/// Atom 1.0, RSS 2.0 and JSON Feed 1.1 writers.
enum Feeds {
    /// The three files of a feed folder.
    static let names = ["atom.xml", "rss.xml", "feed.json"]

    /// `urn:uuid:` from a hash of the record key: never changes across builds, base URLs or edits.
    static func itemID(_ key: String) -> String {
        let d = Array(SHA256.hash(data: Array(("gongshi:" + key).utf8)).prefix(16))
        var b = d
        b[6] = (b[6] & 0x0F) | 0x50  // version 5 style
        b[8] = (b[8] & 0x3F) | 0x80
        // Hex by table, dashes after bytes 4, 6, 8 and 10: `String(format:)` per byte was 3 % of a build.
        let digits = Array("0123456789abcdef".utf8)
        var out = Array("urn:uuid:".utf8)
        out.reserveCapacity(45)
        for (i, byte) in b.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(45) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func iso(_ d: LocalDate) -> String { "\(d.description)T00:00:00+08:00" }

    static func rfc822(_ d: LocalDate) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = d.components
        let day = c.day < 10 ? "0\(c.day)" : "\(c.day)"
        return "\(days[d.weekday - 1]), \(day) \(months[c.month - 1]) \(c.year) 00:00:00 +0800"
    }

    static func atom(
        title: String, subtitle: String, selfURL: String, pageURL: String, author: String, updated: LocalDate,
        items: [FeedItem], id: String, xmlHTML: [String]? = nil
    ) -> String {
        var s = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
              <title>\(Escape.xml(title))</title>
              <subtitle>\(Escape.xml(subtitle))</subtitle>
              <id>\(Escape.xml(id))</id>
              <link rel="self" type="application/atom+xml" href="\(Escape.xml(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(Escape.xml(pageURL))"/>
              <updated>\(iso(updated))</updated>
              <author><name>\(Escape.xml(author))</name></author>
              <generator>Gongshi</generator>

            """
        for (k, i) in items.enumerated() {
            s += """
                  <entry>
                    <title>\(Escape.xml(i.title))</title>
                    <id>\(i.id)</id>
                    <link rel="alternate" type="text/html" href="\(Escape.xml(i.url))"/>
                    <published>\(iso(i.published))</published>
                    <updated>\(iso(i.updated))</updated>
                    <summary type="text">\(Escape.xml(i.summary))</summary>
                    <content type="html">\(xmlHTML?[k] ?? Escape.xml(i.html))</content>
                  </entry>

                """
        }
        return s + "</feed>\n"
    }

    static func rss(
        title: String, selfURL: String, pageURL: String, description: String, updated: LocalDate, items: [FeedItem],
        xmlHTML: [String]? = nil
    ) -> String {
        // RSS readers take <description> as HTML: data in it (an entity's name) is escaped as HTML
        // first, then as XML, so markup in a name arrives as text.
        var s = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>\(Escape.xml(title))</title>
                <link>\(Escape.xml(pageURL))</link>
                <description>\(Escape.xml(Escape.xml(description)))</description>
                <language>zh-cn</language>
                <lastBuildDate>\(rfc822(updated))</lastBuildDate>
                <generator>Gongshi</generator>
                <atom:link href="\(Escape.xml(selfURL))" rel="self" type="application/rss+xml"/>

            """
        for (k, i) in items.enumerated() {
            s += """
                    <item>
                      <title>\(Escape.xml(i.title))</title>
                      <link>\(Escape.xml(i.url))</link>
                      <guid isPermaLink="false">\(i.id)</guid>
                      <pubDate>\(rfc822(i.published))</pubDate>
                      <description>\(xmlHTML?[k] ?? Escape.xml(i.html))</description>
                    </item>

                """
        }
        return s + "  </channel>\n</rss>\n"
    }

    static func json(
        title: String, selfURL: String, pageURL: String, description: String, author: String, items: [FeedItem]
    ) -> String {
        // Written by hand, keys in a fixed order: JSONSerialization is a tenth of a build's time here.
        func field(_ k: String, _ v: String) -> String { "\(Escape.json(k)): \(Escape.json(v))" }
        var s =
            "{\n  "
            + [
                field("version", "https://jsonfeed.org/version/1.1"), field("title", title),
                field("home_page_url", pageURL),
                field("feed_url", selfURL), field("description", description), field("language", "zh-CN"),
                "\"authors\": [{\(field("name", author))}]",
            ].joined(separator: ",\n  ")
        s += ",\n  \"items\": ["
        s += items.map { i in
            "\n    {"
                + [
                    field("id", i.id), field("url", i.url), field("title", i.title), field("content_html", i.html),
                    field("summary", i.summary), field("date_published", iso(i.published)),
                    field("date_modified", iso(i.updated)),
                ].joined(separator: ", ") + "}"
        }.joined(separator: ",")
        s += items.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return s
    }

    /// Resolves the relative `href` and `src` of rendered Markdown against the article's URL: a feed
    /// reader resolves them against the feed's address otherwise.
    static func absolutizingLinks(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        var out = ""
        var rest = html[...]
        while let r = rest.range(of: "(href|src)=\"", options: .regularExpression) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<end])
            let isRelative = !value.isEmpty && !value.hasPrefix("#") && !value.contains(":")
            if isRelative,
                let abs = URL(string: value.replacingOccurrences(of: "&amp;", with: "&"), relativeTo: baseURL)?
                    .absoluteString
            {
                out += abs.replacingOccurrences(of: "&", with: "&amp;")
            } else {
                out += value
            }
            rest = rest[end...]
        }
        return out + rest
    }

    /// A record's fields as an HTML table, for feed content.
    static func table(_ rows: [(String, String)]) -> String {
        var s = "<table>"
        for (k, v) in rows where !v.isEmpty { s += "<tr><th>\(Escape.xml(k))</th><td>\(Escape.xml(v))</td></tr>" }
        return s + "</table>"
    }
}
