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
                self.matches(articles[Int($0)], folds: &folds)
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
            var start = 0
            var k = 0
            while k <= body.count {
                if k == body.count || (body[k] == 0x0A && k + 1 < body.count && body[k + 1] == 0x0A) {
                    if k > start && matches(bytes: UnsafeBufferPointer(rebasing: body[start..<k]), folds: &folds) { return true }
                    while k < body.count && body[k] == 0x0A { k += 1 }
                    start = k
                    if k == body.count { break }
                    continue
                }
                k += 1
            }
            return false
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
        guard let anchor else { return scanMatches(bytes) }
        let count = bytes.count
        for i in 0..<count {
            let byte = bytes[i]
            let candidate = byte < 0x80 ? TextFolding.asciiLower(byte) == anchor : byte & 0xC0 != 0x80
            if candidate && !Self.wordBefore(i, in: bytes) && phraseStarts(at: i, in: bytes, folds: &folds) {
                return true
            }
        }
        return false
    }

    /// True when the character ending just before `position` is part of a word.
    private static func wordBefore(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position > 0 else { return false }
        let previous = bytes[position - 1]
        if previous < 0x80 { return Tokenizer.isASCIIWordByte(previous) }
        var lead = position - 1
        while lead > 0 && position - lead < 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return Tokenizer.decode(bytes, at: lead).0.map(Tokenizer.isWordScalar) ?? false
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
