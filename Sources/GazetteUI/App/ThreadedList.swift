import GazetteCore

/// The list's rows in thread order (`T`): each article whose thread has no ancestor in the
/// result is a root, in the result's order; under it come its descendants that are in the result,
/// depth first, replies oldest first, indented one step per ancestor shown.
///
/// A reply whose parent is filtered out still sits under the nearest ancestor that is shown.
public struct ThreadedList: Sendable, Equatable {
    /// Store indices in display order (the same articles as the result).
    public private(set) var indices: [Int32] = []
    /// Indentation depth of each row.
    public private(set) var depths: [UInt8] = []

    /// Ancestors looked through before an article counts as a root (hostile `References`
    /// chains can be long; a cycle ends there too).
    static let ancestorLimit = 256

    public init(result: [Int32], store: ArticleStore) {
        var member = [Bool](repeating: false, count: store.count)
        for index in result { member[Int(index)] = true }
        var visited = [Bool](repeating: false, count: store.count)
        indices.reserveCapacity(result.count)
        depths.reserveCapacity(result.count)
        for index in result where !visited[Int(index)] && !Self.hasShownAncestor(Int(index), member: member, store: store) {
            var stack: [(node: Int, depth: Int)] = [(Int(index), 0)]
            while let (node, depth) = stack.popLast() {
                guard !visited[node] else { continue }
                visited[node] = true
                var childDepth = depth
                if member[node] {
                    indices.append(Int32(node))
                    depths.append(UInt8(min(depth, Int(UInt8.max))))
                    childDepth += 1
                }
                for reply in store.replies(to: node).reversed() where !visited[reply] {
                    stack.append((reply, childDepth))
                }
            }
        }
        // Articles caught in a reply cycle with no root: shown flat rather than lost.
        for index in result where !visited[Int(index)] {
            visited[Int(index)] = true
            indices.append(index)
            depths.append(0)
        }
    }

    static func hasShownAncestor(_ index: Int, member: [Bool], store: ArticleStore) -> Bool {
        var ancestor = store.parent(of: index)
        var steps = 0
        while let current = ancestor, steps < ancestorLimit {
            if current == index { return false }
            if member[current] { return true }
            ancestor = store.parent(of: current)
            steps += 1
        }
        return false
    }
}
