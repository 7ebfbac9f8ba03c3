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

    /// When an item last changed for its reader: its last 更新 (`last`), or the day the objection it
    /// shows (异议处理中, `since`: its 状态日期) began, when later. The ledger's 摘要 leaves the status
    /// columns out, so an objection is no 更新 (SPEC §1.9), yet the item's text changed that day, and
    /// feed readers look at this date to show it again.
    static func updated(_ last: LocalDate, underObjection: Bool, since: String) -> LocalDate {
        guard underObjection, let began = LocalDate(parsing: since), began > last else { return last }
        return began
    }

    static func iso(_ d: LocalDate) -> String { "\(d.description)T00:00:00+08:00" }

    static func rfc822(_ d: LocalDate) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = d.components
        let day = c.day < 10 ? "0\(c.day)" : "\(c.day)"
        return "\(days[d.weekday - 1]), \(day) \(months[c.month - 1]) \(c.year) 00:00:00 +0800"
    }

    /// Atom 1.0. `xmlHTML`: each item's HTML already escaped for XML (Atom and RSS both carry it).
    static func atom(
        title: String, subtitle: String, selfURL: String, pageURL: String, author: String, updated: LocalDate,
        items: [FeedItem], id: String, xmlHTML: [[UInt8]]? = nil
    ) -> [UInt8] {
        var s = FeedText()
        s.add(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
        )
        s.add("  <title>", xml: title, "</title>\n  <subtitle>")
        s.add(xml: subtitle, "</subtitle>\n  <id>")
        s.add(xml: id, "</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        s.add(xml: selfURL, "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"")
        s.add(xml: pageURL, "\"/>\n  <updated>")
        s.add(iso(updated), "</updated>\n  <author><name>")
        s.add(xml: author, "</name></author>\n  <generator>Gongshi</generator>\n")
        for (k, i) in items.enumerated() {
            s.add("  <entry>\n    <title>", xml: i.title, "</title>\n    <id>")
            s.add(i.id, "</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"")
            s.add(xml: i.url, "\"/>\n    <published>")
            s.add(iso(i.published), "</published>\n    <updated>")
            s.add(iso(i.updated), "</updated>\n    <summary type=\"text\">")
            s.add(xml: i.summary, "</summary>\n    <content type=\"html\">")
            s.add(xmlOf: i, k, xmlHTML)
            s.add("</content>\n  </entry>\n")
        }
        s.add("</feed>\n")
        return s.bytes
    }

    /// RSS 2.0. `xmlHTML`: as for ``atom(title:subtitle:selfURL:pageURL:author:updated:items:id:xmlHTML:)``.
    static func rss(
        title: String, selfURL: String, pageURL: String, description: String, updated: LocalDate, items: [FeedItem],
        xmlHTML: [[UInt8]]? = nil
    ) -> [UInt8] {
        var s = FeedText()
        s.add(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
        )
        s.add("  <channel>\n    <title>", xml: title, "</title>\n    <link>")
        // RSS readers take <description> as HTML: data in it (an entity's name) is escaped as HTML
        // first, then as XML, so markup in a name arrives as text.
        s.add(xml: pageURL, "</link>\n    <description>")
        s.add(xml: Escape.xml(description), "</description>\n    <language>zh-cn</language>\n    <lastBuildDate>")
        s.add(rfc822(updated), "</lastBuildDate>\n    <generator>Gongshi</generator>\n    <atom:link href=\"")
        s.add(xml: selfURL, "\" rel=\"self\" type=\"application/rss+xml\"/>\n")
        for (k, i) in items.enumerated() {
            s.add("    <item>\n      <title>", xml: i.title, "</title>\n      <link>")
            s.add(xml: i.url, "</link>\n      <guid isPermaLink=\"false\">")
            s.add(i.id, "</guid>\n      <pubDate>")
            s.add(rfc822(i.published), "</pubDate>\n      <description>")
            s.add(xmlOf: i, k, xmlHTML)
            s.add("</description>\n    </item>\n")
        }
        s.add("  </channel>\n</rss>\n")
        return s.bytes
    }

    /// JSON Feed 1.1, written by hand with keys in a fixed order (JSONSerialization was a tenth of a
    /// build's time here).
    static func json(
        title: String, selfURL: String, pageURL: String, description: String, author: String, items: [FeedItem]
    ) -> [UInt8] {
        var s = FeedText()
        s.add("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": ")
        s.add(json: title, ",\n  \"home_page_url\": ")
        s.add(json: pageURL, ",\n  \"feed_url\": ")
        s.add(json: selfURL, ",\n  \"description\": ")
        s.add(json: description, ",\n  \"language\": \"zh-CN\",\n  \"authors\": [{\"name\": ")
        s.add(json: author, "}],\n  \"items\": [")
        for (k, i) in items.enumerated() {
            s.add(k == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            s.add(json: i.id, ", \"url\": ")
            s.add(json: i.url, ", \"title\": ")
            s.add(json: i.title, ", \"content_html\": ")
            s.add(json: i.html, ", \"summary\": ")
            s.add(json: i.summary, ", \"date_published\": ")
            s.add(json: iso(i.published), ", \"date_modified\": ")
            s.add(json: iso(i.updated), "}")
        }
        s.add(items.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return s.bytes
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
        // Into bytes, escaped in place: interpolating escaped copies allocated four strings a row.
        var b: [UInt8] = []
        b.reserveCapacity(512)
        b += "<table>".utf8
        for (k, v) in rows where !v.isEmpty {
            b += "<tr><th>".utf8
            Escape.appendXML(k, to: &b)
            b += "</th><td>".utf8
            Escape.appendXML(v, to: &b)
            b += "</td></tr>".utf8
        }
        b += "</table>".utf8
        return String(decoding: b, as: UTF8.self)
    }
}

/// A feed file's bytes as they are written: text as it is, values escaped for XML or JSON in one pass.
struct FeedText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func add(_ text: String, _ more: String = "") {
        bytes.append(contentsOf: text.utf8)
        bytes.append(contentsOf: more.utf8)
    }

    /// `before`, then `value` escaped for XML, then `after`.
    mutating func add(_ before: String = "", xml value: String, _ after: String) {
        bytes.append(contentsOf: before.utf8)
        Escape.appendXML(value, to: &bytes)
        bytes.append(contentsOf: after.utf8)
    }

    /// `value` as a JSON string literal, then `after`.
    mutating func add(json value: String, _ after: String) {
        Escape.appendJSON(value, to: &bytes)
        bytes.append(contentsOf: after.utf8)
    }

    /// Item `k`'s HTML escaped for XML: from `escaped` when the caller made it once for two feeds.
    mutating func add(xmlOf item: FeedItem, _ k: Int, _ escaped: [[UInt8]]?) {
        if let escaped { bytes.append(contentsOf: escaped[k]) } else { Escape.appendXML(item.html, to: &bytes) }
    }
}
