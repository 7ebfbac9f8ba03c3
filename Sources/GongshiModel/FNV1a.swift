/// FNV-1a over UTF-8 bytes: a small hash that is the same in every run (unlike `Hasher`), for the
/// hand-made tables (values kept once, manifests read in place, template names) and the search's
/// buckets, which `search.js` hashes the same way in the browser.
public enum FNV1a {
    @inlinable
    public static func hash64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// ``hash64(_:)`` of the text's UTF-8, read over its contiguous bytes (iterating `utf8` byte by byte
    /// cost more than the hash itself).
    @inlinable
    public static func hash64(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash64($0) }
    }

    @inlinable
    public static func hash32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    @inlinable
    public static func hash32(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { hash32($0) }
    }
}
