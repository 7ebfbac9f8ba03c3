import Foundation

/// The text encodings a department's export may come in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"

    /// kCFStringEncodingGB_18030_2000, which Foundation on Linux decodes without iconv.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Picks the encoding of a file from its first bytes: a UTF-8 BOM, valid UTF-8, else GB18030.
    /// `sample` should end on a line break so that no character is cut in two. A sample that is not
    /// valid UTF-8 throughout is still UTF-8 when most of its lines with other than ASCII are: one
    /// damaged character must not turn a UTF-8 export into GB18030 nonsense.
    static func detect(_ sample: [UInt8]) -> TextEncoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if isValidUTF8(sample[...]) { return .utf8 }
        var (valid, invalid) = (0, 0)
        for line in sample.split(separator: 0x0A) where line.contains(where: { $0 >= 0x80 }) {
            if firstInvalidUTF8(line) == nil { valid += 1 } else { invalid += 1 }
        }
        return valid > 0 && valid >= invalid ? .utf8 : .gb18030
    }

    /// Whether most lines of `sample` (which does not decode whole) are GB18030 text: a file where they
    /// are not is in some other encoding altogether (a binary file), not an export with a few damaged
    /// characters.
    static func mostLinesAreGB18030(_ sample: ArraySlice<UInt8>) -> Bool {
        var (good, bad) = (0, 0)
        for line in sample.split(separator: 0x0A) {
            if gb18030ToUTF8(line) != nil { good += 1 } else { bad += 1 }
        }
        return bad <= good
    }

    /// The index of the first byte of `bytes` that does not begin a valid UTF-8 sequence (nil: all valid).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let (count, low, high): (Int, UInt8, UInt8)
            switch b {
            case 0xC2...0xDF: (count, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (count, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (count, low, high) = (3, 0x80, 0xBF)
            case 0xED: (count, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (count, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (count, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (count, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + count <= end, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<count where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += count
        }
        return nil
    }

    /// The index of the first byte of `bytes` that does not begin a GB18030 sequence as the standard
    /// shapes them (one byte below 0x80; a lead 0x81–0xFE and a trail 0x40–0x7E or 0x80–0xFE; or lead,
    /// 0x30–0x39, lead, 0x30–0x39); nil when every sequence has its shape.
    static func firstInvalidGB18030(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        let lead: ClosedRange<UInt8> = 0x81...0xFE
        let digit: ClosedRange<UInt8> = 0x30...0x39
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard lead.contains(b), i + 1 < end else { return i }
            let t = bytes[i + 1]
            if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) {
                i += 2
            } else if digit.contains(t), i + 3 < end, lead.contains(bytes[i + 2]), digit.contains(bytes[i + 3]) {
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        // ASCII fast path, then the standard library's validating decoder.
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Decodes a whole small file (settings, Markdown, calendar): UTF-8 with or without BOM.
    public static func decodeUTF8(_ data: Data) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Transcodes a segment of GB18030 bytes to UTF-8 bytes; nil when it is not valid GB18030.
    static func gb18030ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return Array(bytes) }
        guard let s = String(data: Data(bytes), encoding: foundationGB18030) else { return nil }
        return Array(s.utf8)
    }
}
