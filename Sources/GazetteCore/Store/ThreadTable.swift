import Foundation

/// Reply links between the articles of a store, from `Message-ID`, `In-Reply-To` and `References`.
///
/// An article's parent is the article its `In-Reply-To` names, else the last `References` entry
/// that is in the archive (an ancestor when the direct parent is missing). Built once, on first use.
struct ThreadTable: Sendable {
    /// Parent article index per article, -1 for none.
    let parents: FlatArray<Int32>
    /// Replies of article `i` are `replies[replyStarts[i]..<replyStarts[i + 1]]`, oldest first.
    let replyStarts: FlatArray<Int32>
    let replies: FlatArray<Int32>

    /// A table read in place from a snapshot (validated by the caller).
    init(parents: FlatArray<Int32>, replyStarts: FlatArray<Int32>, replies: FlatArray<Int32>) {
        self.parents = parents
        self.replyStarts = replyStarts
        self.replies = replies
    }

    /// The table of `articles`, reading only their reply headers: the first frame's reader asks
    /// for its article's thread, and copying every whole `Article` (a retain per field) to read
    /// three of them was nearly all of the browser's start-up after the store was ready.
    init(articles: ArticleList) {
        self.init(count: articles.count) { articles.threadFields(at: $0) }
    }

    /// `count` articles of which none replies to another.
    init(unlinked count: Int) {
        parents = FlatArray([Int32](repeating: -1, count: count))
        replyStarts = FlatArray([Int32](repeating: 0, count: count + 1))
        replies = FlatArray([Int32]())
    }

    /// The table from each article's reply headers.
    init(count: Int, fields read: (Int) -> ThreadFields) {
        let fields = (0..<count).map(read)
        var byMessageID: [String: Int32] = [:]
        for index in 0..<count {
            if let id = fields[index].messageID, byMessageID[id] == nil { byMessageID[id] = Int32(index) }
        }
        var parents = [Int32](repeating: -1, count: count)
        if !byMessageID.isEmpty {
            for index in 0..<count {
                let article = fields[index]
                let candidates = (article.inReplyTo.map { [$0] } ?? []) + article.references.reversed()
                if let parent = candidates.lazy.compactMap({ byMessageID[$0] }).first(where: { $0 != Int32(index) }) {
                    parents[index] = parent
                }
            }
        }
        // Articles are newest first, so walking indices backwards lists replies oldest first.
        var counts = [Int32](repeating: 0, count: count + 1)
        for parent in parents where parent >= 0 { counts[Int(parent) + 1] += 1 }
        for index in 0..<count { counts[index + 1] += counts[index] }
        var cursor = counts
        var replies = [Int32](repeating: 0, count: Int(counts[count]))
        for index in stride(from: count - 1, through: 0, by: -1) where parents[index] >= 0 {
            let parent = Int(parents[index])
            replies[Int(cursor[parent])] = Int32(index)
            cursor[parent] += 1
        }
        self.parents = FlatArray(parents)
        self.replyStarts = FlatArray(counts)
        self.replies = FlatArray(replies)
    }

    /// The root of `index`'s thread (stopping if hostile headers make a cycle).
    func root(of index: Int) -> Int {
        var current = index
        var seen: Set<Int> = [index]
        while parents[current] >= 0, seen.insert(Int(parents[current])).inserted { current = Int(parents[current]) }
        return current
    }

    /// `root` and all its descendants, depth first, replies oldest first.
    func subtree(of root: Int) -> [Int] {
        var out: [Int] = []
        var seen: Set<Int> = []
        var stack = [root]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            out.append(next)
            stack += (Int(replyStarts[next])..<Int(replyStarts[next + 1])).reversed().map { Int(replies[$0]) }
        }
        return out
    }
}

/// The reply headers of one article: all a thread table reads.
struct ThreadFields {
    var messageID: String?
    var inReplyTo: String?
    var references: [String]
}

/// A `ThreadTable` built on first use, from any thread.
typealias LazyThreads = Lazy<ThreadTable>

extension ArticleStore {
    /// The article `index` replies to, if it is in the archive.
    public func parent(of index: Int) -> Int? {
        let parent = threads.parents[index]
        return parent >= 0 ? Int(parent) : nil
    }

    /// The articles replying to `index`, oldest first.
    public func replies(to index: Int) -> [Int] {
        let table = threads
        return (Int(table.replyStarts[index])..<Int(table.replyStarts[index + 1])).map { Int(table.replies[$0]) }
    }

    /// The whole thread `index` belongs to: its root, then every descendant (depth first, oldest first).
    public func thread(containing index: Int) -> [Int] {
        let table = threads
        return table.subtree(of: table.root(of: index))
    }
}
