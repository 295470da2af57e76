#if canImport(Glibc)
import Glibc
#endif
/// Verifies that phrase words occur consecutively, by re-tokenising only candidate articles.
///
/// Candidates already contain every word (from the postings), so this reads few articles
/// unless the phrase is made of very common words; those are split across cores.
struct PhraseMatcher: Sendable {
    private let terms: [[UInt8]]
    private let prefix: [Bool]
    /// The first word's first byte when it is ASCII: the fast scan's anchor.
    private let anchor: UInt8?

    /// Folded forms of the non-ASCII words met so far (Foundation folding is slow; words repeat).
    struct FoldCache {
        private var folded: [[UInt8]: [UInt8]] = [:]
        /// Per non-ASCII scalar, the first byte of its fold alone (0 when it folds to nothing).
        private var firstBytes: [UInt32: UInt8] = [:]

        /// Whether a word starting with `scalar` may fold to one starting with `anchor`. A word's
        /// fold begins with its first character's (folding works character by character); a
        /// scalar folding to nothing (a lone combining mark) says nothing, so it may.
        mutating func mayStart(_ scalar: Unicode.Scalar, with anchor: UInt8) -> Bool {
            if let first = firstBytes[scalar.value] { return first == 0 || first == anchor }
            let first = TextFolding.foldUnicode(String(Character(scalar))).utf8.first ?? 0
            firstBytes[scalar.value] = first
            return first == 0 || first == anchor
        }
        mutating func folded(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            let key = Array(token)
            if let known = folded[key] { return known }
            let value = Array(TextFolding.foldUnicode(String(decoding: token, as: UTF8.self)).utf8)
            folded[key] = value
            return value
        }
    }

    init(terms: [SearchTerm]) {
        // Beyond 63 words the state no longer fits a mask; a phrase that long is matched on its start.
        let kept = terms.prefix(63)
        self.terms = kept.map { Array($0.folded.utf8) }
        prefix = kept.map(\.isPrefix)
        anchor = self.terms.first?.first.flatMap { $0 < 0x80 ? $0 : nil }
        // Without an ASCII anchor (a phrase starting "東京"), every word is checked by scanMatches.
    }

    /// The candidates whose title or some paragraph contains the phrase.
    func filter(_ candidates: Bitset, in articles: ArticleList) -> Bitset {
        let members = candidates.members
        let chunks = members.count > 2000 ? 8 : 1
        let matched = Parallel.map(chunks) { chunk in
            var folds = FoldCache()
            return members[members.count * chunk / chunks..<members.count * (chunk + 1) / chunks].filter {
                articles.withArticle(at: Int($0)) { self.matches($0, folds: &folds) }
            }
        }
        var result = Bitset(count: candidates.count)
        for part in matched { for article in part { result.insert(Int(article)) } }
        return result
    }

    func matches(_ article: Article, folds: inout FoldCache) -> Bool {
        if matches(article.title, folds: &folds) { return true }
        if let paragraphs = article.unsplittableParagraphs { return paragraphs.contains { matches($0, folds: &folds) } }
        // Each paragraph (a run of non-empty lines, as the index reads it) straight from the body
        // bytes: a line break inside one is a word gap, an empty line ends it.
        return article.bodyUTF8.withUnsafeBufferPointer { body in
            // One word never spans a paragraph break: the whole body at once.
            guard terms.count > 1, let base = body.baseAddress else { return matches(bytes: body, folds: &folds) }
            var start = 0
            var from = 0
            while true {
                // The next empty line, found with memchr (vectorised) rather than byte by byte.
                guard let found = memchr(base + from, 0x0A, body.count - from) else { break }
                let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard k + 1 < body.count else { break }
                guard body[k + 1] == 0x0A else {
                    from = k + 1
                    continue
                }
                if k > start && matches(bytes: UnsafeBufferPointer(rebasing: body[start..<k]), folds: &folds) { return true }
                var next = k
                while next < body.count && body[next] == 0x0A { next += 1 }
                start = next
                from = next
                if next == body.count { return false }
            }
            return start < body.count && matches(bytes: UnsafeBufferPointer(rebasing: body[start...]), folds: &folds)
        }
    }

    /// Whether `text` contains the phrase.
    func matches(_ text: String, folds: inout FoldCache) -> Bool {
        var copy = text
        return copy.withUTF8 { matches(bytes: $0, folds: &folds) }
    }

    /// Whether `bytes` (one field or paragraph) contains the phrase: a tight byte scan for word
    /// starts that can begin the first word (its first ASCII letter, or any non-ASCII letter),
    /// then a word-by-word check.
    func matches(bytes: UnsafeBufferPointer<UInt8>, folds: inout FoldCache) -> Bool {
        guard let anchor, let base = bytes.baseAddress else { return bytes.isEmpty ? false : scanMatches(bytes) }
        let count = bytes.count
        // Eight bytes at a time, a block with no byte that can start the first word is skipped:
        // with `| 0x20` every ASCII letter is lower case (other bytes may look like the anchor;
        // the byte check below sorts them out), and any byte of 0x80 or more may start a letter.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(anchor) &* ones
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let x = (word | 0x2020_2020_2020_2020) ^ pattern
                if ((x &- ones) & ~x & highs) | (word & highs) == 0 {
                    i += 8
                    continue
                }
            }
            let end = min(i + 8, count)
            while i < end {
                let byte = bytes[i]
                // A non-ASCII letter may fold to the anchor (É to e); punctuation such as curly
                // quotes and dashes, common in real text, is ruled out before any other work.
                let candidate: Bool
                if byte < 0x80 {
                    candidate = TextFolding.asciiLower(byte) == anchor
                } else if byte & 0xC0 != 0x80, let scalar = Tokenizer.decode(bytes, at: i).0 {
                    candidate = Tokenizer.isWordScalar(scalar) && folds.mayStart(scalar, with: anchor)
                } else {
                    candidate = false
                }
                if candidate && !Self.wordBefore(i, in: bytes) && phraseStarts(at: i, in: bytes, folds: &folds) {
                    return true
                }
                i += 1
            }
        }
        return false
    }

    /// True when the character ending just before `position` is part of the word that the
    /// character at `position` is in (a Chinese character or kana is a word of its own).
    private static func wordBefore(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position > 0 else { return false }
        if bytes[position] >= 0x80, let current = Tokenizer.decode(bytes, at: position).0, Tokenizer.isIdeographic(current) { return false }
        let previous = bytes[position - 1]
        if previous < 0x80 { return Tokenizer.isASCIIWordByte(previous) }
        var lead = position - 1
        while lead > 0 && position - lead < 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return Tokenizer.decode(bytes, at: lead).0.map { Tokenizer.isWordScalar($0) && !Tokenizer.isIdeographic($0) } ?? false
    }

    private func phraseStarts(at position: Int, in bytes: UnsafeBufferPointer<UInt8>, folds: inout FoldCache) -> Bool {
        var from = position
        for j in 0..<terms.count {
            guard let (start, end, ascii) = Tokenizer.nextWord(bytes, from: from) else { return false }
            if j == 0 && start != position { return false }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let matched = ascii ? wordMatches(j, token) : folds.folded(token).withUnsafeBufferPointer { wordMatches(j, $0) }
            if !matched { return false }
            from = end
        }
        return true
    }

    /// Bit `j` of the state: the last tokens matched the first `j` phrase words.
    func scanMatches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let goal: UInt64 = 1 << UInt64(terms.count)
        do {
            var state: UInt64 = 1
            var found = false
            Tokenizer.scan(bytes) { start, end, ascii in
                guard !found else { return }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var next: UInt64 = 1
                if ascii {
                    for j in 0..<terms.count where state & (1 << UInt64(j)) != 0 && wordMatches(j, token) {
                        next |= 1 << UInt64(j + 1)
                    }
                } else {
                    // Rare: fold the token the way the index did.
                    let folded = Array(TextFolding.foldUnicode(String(decoding: token, as: UTF8.self)).utf8)
                    folded.withUnsafeBufferPointer { folded in
                        for j in 0..<terms.count where state & (1 << UInt64(j)) != 0 && wordMatches(j, folded) {
                            next |= 1 << UInt64(j + 1)
                        }
                    }
                }
                state = next
                if state & goal != 0 { found = true }
            }
            return found
        }
    }

    /// Compares ASCII-lowered token bytes with phrase word `j` (exactly, or as a prefix).
    @inline(__always)
    private func wordMatches(_ j: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        terms[j].withUnsafeBufferPointer { term in
            if prefix[j] ? token.count < term.count : token.count != term.count { return false }
            for k in 0..<term.count where TextFolding.asciiLower(token[k]) != term[k] { return false }
            return true
        }
    }
}
