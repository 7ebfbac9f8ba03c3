import GongshiModel
import Testing

@Suite("big-endian bytes")
struct BigEndianBytesTests {
    @Test func aWordIsAppendedAsItsEightBytesMostSignificantFirst() {
        var bytes: [UInt8] = [0xAA]
        bytes.appendBigEndian(0x0102_0304_0506_0708)
        bytes.appendBigEndian(UInt64(bitPattern: -2))
        #expect(bytes == [0xAA, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE])
    }
}
