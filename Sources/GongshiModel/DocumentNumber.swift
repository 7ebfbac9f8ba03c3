/// Document numbers (文号) such as 发改财金〔2016〕141号, also written with [], 【】 or ().
public enum DocumentNumber {
    /// Folds the bracket variants to 〔〕.
    public static func normalize(_ s: String) -> String {
        var out = ""
        for ch in s.trimmingWhitespace() {
            switch ch {
            case "[", "【", "(", "（", "〔", "［": out.append("〔")
            case "]", "】", ")", "）", "〕", "］": out.append("〕")
            default: out.append(ch)
            }
        }
        return out
    }

    /// The first `…〔YYYY〕N号` cited in `text`: (issuer prefix run, "〔YYYY〕N号"), normalised.
    public static func firstCitation(in text: String) -> (prefix: String, number: String)? {
        let chars = Array(normalize(text))
        var i = 0
        while i < chars.count {
            if chars[i] == "〔", i + 6 < chars.count,
                chars[(i + 1)...(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 5] == "〕"
            {
                var j = i + 6
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j > i + 6, j < chars.count, chars[j] == "号" {
                    var p = i
                    while p > 0, isIssuerCharacter(chars[p - 1]) { p -= 1 }
                    return (String(chars[p..<i]), String(chars[i...j]))
                }
            }
            i += 1
        }
        return nil
    }

    static func isIssuerCharacter(_ c: Character) -> Bool {
        if c.isASCII { return c.isLetter }
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v)
    }
}
