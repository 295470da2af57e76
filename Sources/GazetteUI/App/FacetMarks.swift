import GazetteCore

/// The sidebar's include/exclude marks, in the order they were made, and the query they mean.
public struct FacetMarks: Sendable, Equatable {
    /// One marked facet value.
    public struct Mark: Sendable, Hashable {
        public var kind: FacetKind
        public var value: String
        /// `.included` or `.excluded` (never `.none`: unmarked values are not stored).
        public var mark: FacetMark
    }

    /// The marks, oldest first.
    public private(set) var marks: [Mark] = []

    /// No marks.
    public init() {}

    /// True when nothing is marked.
    public var isEmpty: Bool { marks.isEmpty }

    /// The mark of a value (facet values compare case-insensitively, like the query language).
    public func mark(of kind: FacetKind, _ value: String) -> FacetMark {
        position(of: kind, value).map { marks[$0].mark } ?? .none
    }

    /// Sets `mark` on the value; the same mark again removes it (a second press toggles back off).
    public mutating func toggle(_ kind: FacetKind, _ value: String, _ mark: FacetMark) {
        if let index = position(of: kind, value) {
            if marks[index].mark == mark || mark == .none {
                marks.remove(at: index)
            } else {
                marks[index].mark = mark
            }
        } else if mark != .none {
            marks.append(Mark(kind: kind, value: value, mark: mark))
        }
    }

    /// Removes every mark.
    public mutating func removeAll() { marks.removeAll() }

    /// What the marks select: each marked value exactly (not as typed `author:` would, by substring).
    public var query: Query {
        .and(marks.map { mark in
            let facet = Query.facet(mark.kind, mark.value)
            return mark.mark == .excluded ? .not(facet) : facet
        })
    }

    /// The marks shown as query text: `tag:CIA -tag:Russia`.
    public var queryText: String { query.text }

    private func position(of kind: FacetKind, _ value: String) -> Int? {
        marks.firstIndex { $0.kind == kind && $0.value.caseInsensitiveCompare(value) }
    }
}

extension String {
    /// Case-insensitive equality, without Foundation.
    fileprivate func caseInsensitiveCompare(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }
}
