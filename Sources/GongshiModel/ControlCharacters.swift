/// Control characters in what departments send: text pasted from Word or exported by old systems
/// carries U+0001, U+000B (a line break of old Excel) and the C1 controls of a wrong code page. HTML
/// forbids them and a reader sees nothing of them, so a cell is read without them.
extension String {
    /// This text without C0 controls but tab and line ends, DEL and the C1 controls (U+0080–U+009F);
    /// a vertical tab or form feed becomes a space, as the break it stood for. A text with none of
    /// their bytes is returned as it is, without a copy.
    public var withoutControlCharacters: String {
        // 0xC2 leads U+0080–U+00BF in UTF-8: the C1 controls are among them.
        guard utf8.contains(where: { ($0 < 0x20 && $0 != 9 && $0 != 10 && $0 != 13) || $0 == 0x7F || $0 == 0xC2 })
        else { return self }
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
}
