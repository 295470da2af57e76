/// Makes the article of any index from the seed alone, so that articles can be generated in
/// parallel, in any order, and come out the same.
public struct ArticleComposer: Sendable {
    /// Body text size bounds in bytes: the target is drawn in `targetRange`, and no sentence may
    /// take the body past `hardMaximum` (1.5–6 KiB with room for paragraph separators).
    public static let targetRange = 1600...5300
    public static let hardMaximum = 6144 - 160

    public let seed: UInt64
    public let lexicon: Lexicon
    public let facets: FacetVocabulary

    /// A composer over prepared vocabularies.
    public init(seed: UInt64, lexicon: Lexicon, facets: FacetVocabulary) {
        self.seed = seed
        self.lexicon = lexicon
        self.facets = facets
    }

    /// The article whose first appearance is entry `index`.
    public func compose(index: Int) -> SyntheticArticle {
        var random = DeterministicRandom(seed: seed, stream: Stream.article, index: UInt64(index))
        var titleWords = [Int]()
        let title = makeTitle(&random, words: &titleWords)
        // 2000-01-01 ... 2025-12-31.
        let first = CivilDay(year: 2000, month: 1, day: 1).daysSinceEpoch
        let last = CivilDay(year: 2025, month: 12, day: 31).daysSinceEpoch
        let day = CivilDay(daysSinceEpoch: random.int(in: first...last))
        let styleRoll = random.below(100)
        let dateStyle: SyntheticArticle.DateStyle =
            styleRoll < 85 ? .isoDay : styleRoll < 90 ? .isoInstant : styleRoll < 95 ? .monthDayYear : .rfc2822
        var tags = [Int]()
        let tagCount = random.int(in: 3...8)
        while tags.count < tagCount {
            let tag = facets.tagZipf.sample(&random)
            if !tags.contains(tag) { tags.append(tag) }
        }
        let commentRoll = random.below(100)
        let comments = commentRoll < 45 ? 0 : commentRoll < 60 ? 1
            : commentRoll < 85 ? random.int(in: 2...20) : random.int(in: 21...250)
        let leadIn = random.int(in: 2...5)
        let filedRoll = random.below(100)
        var article = SyntheticArticle(
            title: title, day: day, secondOfDay: random.int(in: 0...86_399), dateStyle: dateStyle,
            author: facets.authorZipf.sample(&random), category: facets.categoryZipf.sample(&random),
            tags: tags, comments: comments, hasCommentsHeader: random.percent(85), link: nil,
            paragraphs: [], leadInWords: leadIn, teasers: [],
            datelineHasAuthor: random.percent(70),
            filedLine: filedRoll < 85 ? .categoryAndTags : filedRoll < 90 ? .categoryOnly
                : filedRoll < 95 ? .tagsOnly : .absent,
            teasersBeforeFiledLine: random.percent(30),
            blankLinesAfter: random.percent(80) ? random.int(in: 1...3) : random.int(in: 4...12))
        if random.percent(40) { article.link = makeLink(day: day, titleWords: titleWords) }
        article.paragraphs = makeBody(&random, leadIn: leadIn)
        if random.percent(50) {
            article.teasers = (0..<random.int(in: 1...5)).map { _ in makeTeaser(&random) }
        }
        return article
    }

    // MARK: - Text

    private func makeTitle(_ random: inout DeterministicRandom, words: inout [Int]) -> [UInt8] {
        var out = [UInt8]()
        let count = 4 + random.index(5) + random.index(4)
        let colonAfter = random.percent(6) ? random.int(in: 1...(count - 2)) : -1
        for position in 0..<count {
            if position > 0 { out.append(0x20) }
            let rank = lexicon.sample(&random)
            words.append(rank)
            let word = lexicon.words[rank]
            out += position == 0 || random.percent(30) ? word.capitalized : word.text
            if position == colonAfter { out.append(UInt8(ascii: ":")) }
        }
        if random.percent(10) { out.append(UInt8(ascii: "?")) }
        return out
    }

    private func makeLink(day: CivilDay, titleWords: [Int]) -> String {
        let slug = titleWords.lazy.map { self.lexicon.words[$0] }.filter { $0.script == .ascii }
            .prefix(6).map { String(decoding: $0.text, as: UTF8.self) }.joined(separator: "-")
        return "https://example.org/\(day.year)/\(pad(day.month, 2))/\(pad(day.day, 2))/\(slug)/"
    }

    private func makeBody(_ random: inout DeterministicRandom, leadIn: Int) -> [[UInt8]] {
        let spread = UInt64(Self.targetRange.upperBound - Self.targetRange.lowerBound)
        // (u1 + u1·u2) / 2 skews towards short bodies: mean ≈ 3 KB, as in real blogs.
        let u1 = random.below(spread), u2 = random.below(spread)
        let target = Self.targetRange.lowerBound + Int((u1 + u1 * u2 / spread) / 2)
        var paragraphs = [[UInt8]]()
        var total = 0
        while total < target {
            var paragraph = [UInt8]()
            let sentences = random.int(in: 1...6)
            for sentence in 0..<sentences where total + paragraph.count < target {
                if sentence > 0 { paragraph.append(0x20) }
                let budget = Self.hardMaximum - total - paragraph.count
                appendSentence(to: &paragraph, &random, leadIn: paragraphs.isEmpty && sentence == 0 ? leadIn : 0,
                               budget: budget)
            }
            total += paragraph.count
            paragraphs.append(paragraph)
        }
        return paragraphs
    }

    private func makeTeaser(_ random: inout DeterministicRandom) -> [UInt8] {
        var teaser = [UInt8]()
        for sentence in 0..<random.int(in: 1...3) {
            if sentence > 0 { teaser.append(0x20) }
            appendSentence(to: &teaser, &random, leadIn: sentence == 0 ? random.int(in: 2...4) : 0, budget: 600)
        }
        if random.percent(30) { // The blog cuts teasers off mid-sentence.
            while let last = teaser.last, last != 0x20 { teaser.removeLast() }
            while teaser.last == 0x20 { teaser.removeLast() }
        }
        return teaser
    }

    /// Appends one sentence; the first `leadIn` words are ASCII and upper-case (the lead-in).
    private func appendSentence(to out: inout [UInt8], _ random: inout DeterministicRandom, leadIn: Int,
                                budget: Int) {
        let start = out.count
        if leadIn == 0 && random.perMille(15) {
            appendForeignSentence(to: &out, &random)
            return
        }
        let count = random.int(in: 6...28)
        let quoteAt = leadIn == 0 && random.percent(4) ? random.int(in: 1...(count - 3)) : -1
        for position in 0..<count {
            if position > 0 { out.append(0x20) }
            if position == quoteAt { out += Self.openQuote }
            if position < leadIn {
                let word = lexicon.words[lexicon.sampleASCII(&random)].text
                out += word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            } else if random.perMille(20) {
                out += Array((random.percent(50) ? "\(random.int(in: 1945...2025))"
                    : "$\(random.int(in: 2...900)) million").utf8)
            } else {
                let word = lexicon.words[lexicon.sample(&random)]
                out += position == 0 ? word.capitalized : word.text
            }
            if position >= leadIn && position + 1 < count && random.percent(7) { out.append(UInt8(ascii: ",")) }
            if out.count - start >= budget { break }
        }
        if quoteAt >= 0 { out += Self.closeQuote }
        let end = random.below(100)
        out.append(end < 94 ? UInt8(ascii: ".") : end < 98 ? UInt8(ascii: "?") : UInt8(ascii: "!"))
    }

    /// A quoted Cyrillic sentence or a CJK sentence, for the corpus's non-ASCII share.
    private func appendForeignSentence(to out: inout [UInt8], _ random: inout DeterministicRandom) {
        if random.percent(60) {
            out += Self.guillemetOpen
            for position in 0..<random.int(in: 4...10) {
                if position > 0 { out.append(0x20) }
                let word = lexicon.words[random.pick(lexicon.cyrillicRanks)]
                out += position == 0 ? word.capitalized : word.text
            }
            out += Self.guillemetClose
            out.append(UInt8(ascii: "."))
        } else {
            for _ in 0..<random.int(in: 4...9) { out += lexicon.words[random.pick(lexicon.cjkRanks)].text }
            out += Self.ideographicStop
        }
    }

    private static let openQuote = Array("“".utf8), closeQuote = Array("”".utf8)
    private static let guillemetOpen = Array("«".utf8), guillemetClose = Array("»".utf8)
    private static let ideographicStop = Array("。".utf8)
}
