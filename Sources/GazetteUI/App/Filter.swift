import GazetteCore

/// The filter in effect, as values: the selected view's query, the sidebar marks and the typed
/// query, each parsed once, plus a typed query waiting for the full-text index.
///
/// They combine by AND; the display text is the combined query's own text, so an OR inside a
/// part is bracketed by the query type (which knows an OR node from a word like ORANGE).
public struct Filter: Sendable {
    /// The selected view's query (`.all` for the All view).
    public internal(set) var view: Query = .all
    /// Sidebar marks.
    public internal(set) var marks = FacetMarks()
    /// The typed query the current result was evaluated with.
    public internal(set) var typed: Query = .all
    /// A typed query waiting for the full-text index (built in the background on large archives);
    /// the list keeps the last result until the index is ready.
    public internal(set) var pending: Query?

    /// What is evaluated: view AND marks AND typed. Marks are built queries, not text, so they
    /// keep matching exact values.
    public var query: Query { Query.and([view, marks.query, typed]) }

    /// The filter as the status bar shows it: the pending query in place of the typed one.
    public var displayText: String { Query.and([view, marks.query, pending ?? typed]).text }

    /// The typed query the list will show once everything is evaluated.
    public var latestTyped: Query { pending ?? typed }

    /// Whether a view, a mark or a typed query narrows the list.
    public var isEmpty: Bool { view.isEmpty && marks.isEmpty && latestTyped.isEmpty }
}
