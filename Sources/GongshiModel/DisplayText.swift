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

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
