/// One index builder's view of the common words: each local term's rank among them, each pair's
/// local pseudo-term, and the current article's pair occurrences (see `CommonWords`).
struct PairPostings {
    let common: CommonWords
    var isActive: Bool { !common.isEmpty }
    /// Per local term id, its rank among the common words, or -1.
    private var ranks: [Int16] = []
    /// Per pair of ranks (`first × count + second`), its local pseudo-term, or -1 before it first occurs.
    private var terms: [Int32]
    /// The current article's pairs: local pseudo-term << 32 | position, in position order.
    var occurrences: [UInt64] = []

    init(_ common: CommonWords) {
        self.common = common
        terms = Array(repeating: -1, count: common.words.count * common.words.count)
    }

    /// Records the next local term's rank (nil when it is not common).
    mutating func addTerm(rank: Int?) {
        if isActive { ranks.append(Int16(rank ?? -1)) }
    }

    @inline(__always)
    func rank(of term: Int32) -> Int? {
        let rank = ranks[Int(term)]
        return rank < 0 ? nil : Int(rank)
    }

    @inline(__always)
    func term(_ firstRank: Int, _ secondRank: Int) -> Int32? {
        let term = terms[firstRank * common.words.count + secondRank]
        return term < 0 ? nil : term
    }

    mutating func setTerm(_ firstRank: Int, _ secondRank: Int, _ term: Int32) {
        terms[firstRank * common.words.count + secondRank] = term
    }
}
