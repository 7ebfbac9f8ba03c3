import Foundation

/// The text encodings a department's export may come in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"

    /// kCFStringEncodingGB_18030_2000, which Foundation on Linux decodes without iconv.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Picks the encoding of a file from its first bytes: a UTF-8 BOM, valid UTF-8, else GB18030.
    /// `sample` should end on a line break so that no character is cut in two.
    static func detect(_ sample: [UInt8]) -> TextEncoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        return isValidUTF8(sample[...]) ? .utf8 : .gb18030
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
