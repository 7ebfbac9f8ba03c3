/// Control characters in what departments send: text pasted from Word or exported by old systems
/// carries U+0001, U+000B (a line break of old Excel) and the C1 controls of a wrong code page. HTML
/// forbids them and a reader sees nothing of them, so a cell is read without them.
extension String {
    /// This text without C0 controls but tab and line ends, DEL and the C1 controls (U+0080–U+009F);
    /// a vertical tab or form feed becomes a space, as the break it stood for. A text with none of
    /// their bytes is returned as it is, without a copy.
    public var withoutControlCharacters: String {
        guard hasControlBytes else { return self }
        var scalars = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s.value {
            case 0x0B, 0x0C: scalars.append(" ")
            case 0x09, 0x0A, 0x0D: scalars.append(s)
            case 0...0x1F, 0x7F...0x9F: continue
            default: scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// Whether the UTF-8 bytes hold a control character but tab and line ends: a C0 byte, DEL, or
    /// 0xC2 followed by 0x80–0x9F (a C1 control; 0xC2 also leads ·, ° and the no-break space).
    private var hasControlBytes: Bool {
        var previous: UInt8 = 0
        for b in utf8 {
            if (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F || (previous == 0xC2 && b < 0xA0 && b >= 0x80) {
                return true
            }
            previous = b
        }
        return false
    }
}
