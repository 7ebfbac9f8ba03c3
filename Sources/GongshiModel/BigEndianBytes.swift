extension Array where Element == UInt8 {
    /// Appends `w` as its eight big-endian bytes in one append (byte by byte, every append checked the
    /// capacity). The build cache's files (parsed files, manifests, open-data pieces) and the
    /// fingerprints' inputs write their numbers this way.
    @inlinable
    public mutating func appendBigEndian(_ w: UInt64) {
        Swift.withUnsafeBytes(of: w.bigEndian) { append(contentsOf: $0) }
    }
}
