/// The half-width forms of what a Chinese input method types in full width: `０`–`９`, `Ａ`–`Ｚ`, `（`, `－`
/// (U+FF01–U+FF5E) and the ideographic space. Codes, dates, headers and search terms are read through
/// it; free text keeps its full-width punctuation, which is correct Chinese.
extension Unicode.Scalar {
    /// This scalar's half-width form, or itself.
    public var halfWidth: Unicode.Scalar {
        switch value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0) ?? self
        case 0x3000: return " "
        default: return self
        }
    }
}

extension String {
    /// This text with ``Unicode/Scalar/halfWidth`` applied to every scalar and trimmed. A text without
    /// their lead bytes (0xEF, 0xE3 in UTF-8) is returned as it is, without a copy.
    public var halfWidth: String {
        guard utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map(\.halfWidth))).trimmingWhitespace()
    }
}
