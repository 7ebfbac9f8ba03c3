extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `s` in one copy: appending `s.utf8` goes through the generic
    /// sequence path, a call per string that cost more than the copy (the judge appends every
    /// published value twice, for a record's digest and its packed values).
    @inlinable
    public mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }
}
