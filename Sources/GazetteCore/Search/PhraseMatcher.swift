/// Verifies that phrase words occur consecutively, by re-tokenising only candidate articles.
///
/// Candidates already contain every word (from the postings), so this reads few articles
/// unless the phrase is made of very common words; those are split across cores.
struct PhraseMatcher: Sendable {
    private let terms: [[UInt8]]
    private let prefix: [Bool]

    init(terms: [SearchTerm]) {
        // Beyond 63 words the state no longer fits a mask; a phrase that long is matched on its start.
        let kept = terms.prefix(63)
        self.terms = kept.map { Array($0.folded.utf8) }
        prefix = kept.map(\.isPrefix)
    }

    /// The candidates whose title or some paragraph contains the phrase.
    func filter(_ candidates: Bitset, in articles: [Article]) -> Bitset {
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

    /// Folded forms of the non-ASCII words met so far: Foundation folding costs thousands of
    /// instructions a word, and the same few thousand spellings recur across articles.
    typealias FoldCache = [[UInt8]: [UInt8]]

    func matches(_ article: Article) -> Bool {
        var folds = FoldCache()
        return matches(article, folds: &folds)
    }

    func matches(_ article: Article, folds: inout FoldCache) -> Bool {
        if matches(article.title, folds: &folds) { return true }
        return article.paragraphs.contains { matches($0, folds: &folds) }
    }

    func matches(_ text: String) -> Bool {
        var folds = FoldCache()
        return matches(text, folds: &folds)
    }

    /// Bit `j` of the state: the last tokens matched the first `j` phrase words.
    func matches(_ text: String, folds: inout FoldCache) -> Bool {
        var text = text
        let goal: UInt64 = 1 << UInt64(terms.count)
        return text.withUTF8 { bytes in
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
                    let raw = Array(token)
                    let folded: [UInt8]
                    if let known = folds[raw] {
                        folded = known
                    } else {
                        folded = Array(TextFolding.foldUnicode(String(decoding: token, as: UTF8.self)).utf8)
                        folds[raw] = folded
                    }
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
