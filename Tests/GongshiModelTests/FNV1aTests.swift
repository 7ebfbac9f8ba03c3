import GongshiModel
import Testing

/// FNV-1a against the published test vectors.
@Suite("FNV-1a")
struct FNV1aTests {
    @Test func knownVectors() {
        #expect(FNV1a.hash32("") == 0x811C_9DC5)
        #expect(FNV1a.hash32("a") == 0xE40C_292C)
        #expect(FNV1a.hash32("foobar") == 0xBF9C_F968)
        #expect(FNV1a.hash64("") == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash64("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash64("foobar") == 0x8594_4171_F739_67E8)
        let bytes: [UInt8] = Array("周村".utf8)
        #expect(bytes.withUnsafeBufferPointer(FNV1a.hash64) == FNV1a.hash64("周村"))
        #expect(bytes.withUnsafeBufferPointer(FNV1a.hash32) == FNV1a.hash32("周村"))
    }
}
