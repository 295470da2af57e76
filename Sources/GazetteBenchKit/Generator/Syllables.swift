/// Pronounceable synthetic words built from syllables, in Latin, Latin-with-diacritics,
/// Cyrillic and CJK scripts.
enum Syllables {
    static let onsets = [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "br", "ch", "cl", "cr", "dr", "fl", "fr", "gr", "pl", "pr", "sh", "st", "th", "tr", "",
    ]
    static let vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io", "y"]
    static let codas = ["", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rk", "ng"]

    static let cyrillicOnsets = [
        "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч",
        "ш", "пр", "ст", "др", "кр", "",
    ]
    static let cyrillicVowels = ["а", "е", "и", "о", "у", "ы", "я", "ю", "ё", "а", "о"]
    static let cyrillicCodas = ["", "", "", "й", "н", "в", "р", "к", "ль", "сть", "м"]

    /// Accented replacements for a plain letter, used to put diacritics into Latin words.
    static let accents: [Character: [String]] = [
        "a": ["á", "à", "â", "ä", "å", "ã"], "e": ["é", "è", "ê", "ë"], "i": ["í", "ï", "î"],
        "o": ["ó", "ô", "ö", "ø", "õ"], "u": ["ú", "ü", "û"], "n": ["ñ"], "c": ["ç", "č"],
        "s": ["š", "ş"], "z": ["ž", "ż"], "y": ["ý"],
    ]

    /// Words the generator never produces: month names (a body line starting with one could
    /// read as a dump dateline), the dump's own keywords and the query language's operators.
    static let reserved: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "by", "filed", "under", "tagged", "with", "leave",
        "comment", "comments", "author", "date", "permalink", "or", "and", "not", "tag", "title",
    ]

    static func latin(syllables: Int, _ random: inout DeterministicRandom) -> String {
        var word = ""
        for _ in 0..<syllables {
            word += random.pick(onsets) + random.pick(vowels) + random.pick(codas)
        }
        return word
    }

    static func cyrillic(syllables: Int, _ random: inout DeterministicRandom) -> String {
        var word = ""
        for _ in 0..<syllables {
            word += random.pick(cyrillicOnsets) + random.pick(cyrillicVowels) + random.pick(cyrillicCodas)
        }
        return word
    }

    /// 1–3 ideographs from the CJK Unified Ideographs block.
    static func cjk(_ random: inout DeterministicRandom) -> String {
        var word = ""
        for _ in 0..<random.int(in: 1...3) {
            word.unicodeScalars.append(Unicode.Scalar(UInt32(0x4E00 + random.index(0x9FA5 - 0x4E00)))!)
        }
        return word
    }

    /// `word` with one accentable letter replaced by an accented one (unchanged if none).
    static func accented(_ word: String, _ random: inout DeterministicRandom) -> String {
        let letters = Array(word)
        let candidates = letters.indices.filter { accents[letters[$0]] != nil }
        guard !candidates.isEmpty else { return word + "é" }
        let position = random.pick(candidates)
        var result = ""
        for (offset, letter) in letters.enumerated() {
            result += offset == position ? random.pick(accents[letter]!) : String(letter)
        }
        return result
    }

    /// First letter upper-cased (no-op for scripts without case).
    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
