import Crypto
import Foundation
import GongshiModel

/// The ledger's 摘要: a hash of a record's published content.
///
/// The published data fields in schema order, empty ones skipped, as `name\tvalue\n` lines (UTF-8);
/// the first 16 hex digits of their SHA-256. Status columns are not part of it: status changes are
/// recorded as their own events (撤回). `Scripts/generate_site.py` computes the same for the demo.
public enum ContentDigest {
    public static func digest(_ fields: [PublishedField]) -> String {
        var bytes: [UInt8] = []
        // Room for the values and about 40 bytes of name each: one allocation, not a doubling series.
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.value.utf8.count + 40 })
        for f in fields where !f.value.isEmpty && f.role != .status {
            bytes.appendUTF8(f.name)
            bytes.append(9)
            bytes.appendUTF8(f.value)
            bytes.append(10)
        }
        return hex(SHA256.hash(data: bytes), count: 8)
    }

    /// URL id for a record key: `[a-z0-9-]`, stable across builds.
    public static func id(for key: String, prefix: String) -> String {
        let h = hex(SHA256.hash(data: Array(key.utf8)), count: 8)
        return prefix.isEmpty ? h : "\(prefix)-\(h)"
    }

    /// The first `count` bytes of `digest` in lower-case hexadecimal.
    public static func hex(_ digest: SHA256.Digest, count: Int) -> String { hex(bytes: digest, count: count) }

    /// The first `count` of `bytes` (at most 32, a SHA-256's) in lower-case hexadecimal.
    public static func hex(bytes digest: some Sequence<UInt8>, count: Int) -> String {
        let n = min(count, SHA256.byteCount)
        // Written into the string's own storage: two hashes of every published record are written so.
        return String(unsafeUninitializedCapacity: n * 2) { out in
            var i = 0
            for b in digest.prefix(n) {
                out[i] = hexDigit(b >> 4)
                out[i + 1] = hexDigit(b & 15)
                i += 2
            }
            return i
        }
    }

    /// The ASCII lower-case hexadecimal digit of `v` (0–15).
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }
}

/// URL ids of the red and black lists, from 名单名称.
public enum ListID {
    /// Common list names and their ids; every id distinct. Other names get a hash id.
    static let known: [String: String] = [
        "纳税信用A级纳税人": "nashui-a", "A级纳税人": "a-ji-nashuiren", "守合同重信用企业": "shouhetong",
        "诚信示范企业": "chengxin-shifan", "失信被执行人": "shixin-beizhixing", "重大税收违法失信主体": "zhongda-shuishou",
        "安全生产严重失信主体": "anquan-shengchan", "安全生产失信": "anquan-shixin", "安全生产失信联合惩戒对象": "anquan-chengjie",
        "拖欠农民工工资失信联合惩戒对象": "tuoqian-gongzi", "拖欠农民工工资失信": "tuoqian-shixin",
        "环境违法失信企业": "huanjing-shixin", "环境违法失信": "huanjing-weifa", "严重违法失信企业": "yanzhong-weifa",
        "海关高级认证企业": "haiguan-renzheng", "海关失信企业": "haiguan-shixin", "食品药品安全失信": "shipin-yaopin",
        "统计严重失信企业": "tongji-shixin",
    ]

    public static func id(for name: String) -> String {
        if let k = known[name] { return k }
        return ContentDigest.id(for: name, prefix: "md").prefix(11).description
    }
}
