/// Text from input files made fit to show: cut to a readable length, and with terminal control
/// characters made visible.
///
/// Messages quote what a file holds (a column name, a key, a YAML error); a hostile or broken file
/// could make that a megabyte long or put escape sequences in it that recolour, clear or retitle the
/// webmaster's terminal.
public enum DisplayText {
    /// The longest message of a finding or error, in characters.
    public static let messageLimit = 500

    /// `text` when it has at most `limit` characters; otherwise its head and tail with the number
    /// of characters left out between them (the tail of a message says what to do).
    public static func cut(_ text: String, to limit: Int = messageLimit) -> String {
        guard text.utf8.count > limit else { return text }  // a character is at least one byte
        let count = text.count
        guard count > limit else { return text }
        let tail = max(0, limit / 5)
        let head = max(0, limit - tail)
        return String(text.prefix(head)) + "…（省略 \(count - head - tail) 字）…" + String(text.suffix(tail))
    }

    /// Escapes what a terminal would act on: C0 controls (line breaks and tabs included, a finding is
    /// one line, unless `keepingLineBreaks`), DEL, C1 controls and the bidirectional overrides, as
    /// `\u{1B}`.
    public static func terminalSafe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escape(_ s: Unicode.Scalar) -> Bool { needsEscape(s) && !(keepingLineBreaks && (s == "\n" || s == "\t")) }
        guard text.unicodeScalars.contains(where: escape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for s in text.unicodeScalars {
            if escape(s) {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The columns `text` takes in a terminal: two for a wide character (Han, kana, Hangul, fullwidth
    /// forms and punctuation such as 「」，), none for a combining mark, one otherwise. Padding by
    /// `count` would misalign 整个工作表 against 第12行, whose characters differ in width.
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    /// `text` followed by spaces up to `width` terminal columns (as it is when already that wide).
    public static func padded(_ text: String, toColumns width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }

    static func columns(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth (Unicode's EastAsianWidth.txt, the ranges a report can meet).
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
