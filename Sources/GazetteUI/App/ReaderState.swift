import GazetteCore

/// The reading pane: which article it shows, the article laid out for the pane, and the scroll position.
///
/// The layout is cached by (article, measure, highlighted terms): a frame never re-lays out
/// the text, and only a change of article, width or query does (and not even then when the
/// same layout was made recently).
public struct ReaderState: Sendable {
    /// What a laid-out document depends on.
    struct DocumentKey: Sendable, Equatable {
        var article: Int
        var measure: Int
        /// The pane width: verbatim lines use the room right of the centred measure.
        var width: Int
        var terms: [SearchTerm]
        var options: ReaderOptions
        /// "More like this" (it needs the text index, and large archives find it in the
        /// background): the article is laid out again when it arrives.
        var related: RelatedSource
    }

    /// Store index of the article shown; nil when the result is empty.
    public private(set) var article: Int?
    /// The article laid out for the current pane width; nil until the pane is shown.
    public private(set) var document: ReaderDocument?
    private var key: DocumentKey?
    /// Recent layouts, newest last: going back to an article or a width (v, z, b, `[`) is free.
    private var recent: [(key: DocumentKey, document: ReaderDocument)] = []
    static let recentLimit = 6
    /// Scroll position over the document's lines.
    public internal(set) var viewport = TextViewport(total: 0, height: 0)
    /// The line of the hit `n`/`N` last went to.
    public internal(set) var currentHit: Int?
    /// A reading position a reload could not reach yet, and where the view was left instead:
    /// the new store's word index is still building, so "More like this" is missing and the
    /// article is shorter than it was. Restored when the article grows back, unless the reader
    /// moved meanwhile (the view is no longer where it was left).
    private var pendingOffset: (wanted: Int, leftAt: Int)?

    /// Shows `article` from the top (nothing changes if it is already shown).
    mutating func show(_ article: Int?) {
        guard article != self.article else { return }
        self.article = article
        document = nil
        key = nil
        currentHit = nil
        viewport = TextViewport(total: 0, height: viewport.height)
    }

    /// Lays the article out for a pane `width` columns wide unless the cached layout still fits,
    /// keeping the reading position (as a fraction of the text) when the same article re-flows.
    ///
    /// `related`: where "More like this" comes from.
    mutating func layOut(store: ArticleStore, width: Int, terms: [SearchTerm], overlay: ReaderOverlay? = nil,
                         headers: ReaderOptions = ReaderOptions(), related: RelatedSource = .unavailable) {
        guard let article else { return }
        let wanted = DocumentKey(
            article: article, measure: min(max(0, width), headers.measure), width: max(0, width),
            terms: terms, options: headers, related: related)
        guard wanted != key else { return }
        // Only the list at the end changed: the text above it did not move.
        var unmoved = key
        unmoved?.related = related
        let onlyRelatedChanged = unmoved == wanted
        let oldTotal = viewport.total
        let oldOffset = viewport.offset
        let sameArticle = key?.article == article
        if !sameArticle { pendingOffset = nil }
        let laidOut: ReaderDocument
        if let index = recent.firstIndex(where: { $0.key == wanted }) {
            laidOut = recent.remove(at: index).document
        } else {
            // Tags in the corpus display form, as the list and sidebar show them.
            let thread = ReaderThread.of(article, in: store)
            var shown = store.articles[article]
            shown.tags = store.tagDisplayNames(ofArticle: article, overlay: overlay)
            laidOut = ReaderDocument.lazyLayout(
                shown, width: width, highlighter: AppState.highlighter(terms), measureLimit: headers.measure,
                allHeaders: headers.all, readable: headers.readable,
                hiddenHeadersHint: "H shows all", thread: thread,
                extras: ReaderExtras.of(article, in: store, replyCount: thread?.replies.count ?? 0,
                                       related: related.articles(of: article, in: store)))
        }
        recent.append((wanted, laidOut))
        if recent.count > Self.recentLimit { recent.removeFirst() }
        document = laidOut
        key = wanted
        currentHit = nil
        viewport.setTotal(laidOut.lineCount)
        if onlyRelatedChanged {
            viewport.scroll(toLine: oldOffset)
        } else if sameArticle, oldTotal > 0 {
            // Int.multipliedReportingOverflow is not needed: line counts are far below 2^31.
            viewport.scroll(toLine: oldOffset * laidOut.lineCount / oldTotal)
        } else {
            viewport.scroll(toLine: 0)
        }
    }

    /// The store was replaced: `article` is the shown article's index in the new one (nil when it
    /// is gone). Cached layouts name old indices, so they go; the viewport stays for the caller to restore.
    mutating func storeReplaced(article: Int?) {
        recent = []
        key = nil
        document = nil
        if article != self.article {
            self.article = article
            currentHit = nil
        }
    }

    /// `n`/`N`: goes to the next/previous hit after the current one (from the top of the view
    /// the first time), wrapping around; shows it with a little context above. Parts of a long
    /// article not laid out yet are laid out on the way. Returns a message for the status bar,
    /// nil when the article has no hit.
    mutating func jumpToHit(forward: Bool) -> String? {
        guard var document else { return nil }
        defer { self.document = document }
        // From the current hit while it is on screen; once the reader scrolled away (`g`, `G`,
        // paging), from what is on screen, as less and vim do.
        let onScreen = currentHit.map { $0 >= viewport.offset && $0 < viewport.offset + viewport.height } ?? false
        var lines = [onScreen ? currentHit! : (forward ? viewport.offset - 1 : viewport.offset)]
        var wrapped = false
        var found = document.findHit(forward: forward, keeping: &viewport, lines: &lines)
        if found == nil {
            wrapped = true
            lines = [forward ? -1 : document.lineCount]
            found = document.findHit(forward: forward, keeping: &viewport, lines: &lines)
        }
        guard let line = found else { return nil }
        currentHit = line
        if line < viewport.offset || line >= viewport.offset + viewport.height {
            viewport.scroll(toLine: line - min(2, viewport.height / 3))
        }
        var others = [line]
        document.prepare(&viewport, keeping: &others)
        currentHit = others[0]
        let (number, total) = document.hitNumber(ofLine: others[0])
        var position = number.map { "Hit \($0)" } ?? "Hit"
        position += total.map { " of \($0)" } ?? " (more may follow)"
        return wrapped ? position + (forward ? " (from the top)" : " (from the bottom)") : position
    }

    /// Lays out what the viewport shows of a long article, keeping the current hit on its text.
    mutating func prepareWindow() {
        guard var document else { return }
        var lines = currentHit.map { [$0] } ?? []
        document.prepare(&viewport, keeping: &lines)
        if currentHit != nil { currentHit = lines.first }
        self.document = document
    }

    /// The article's tags may have changed: lay it out again at the next fit, keeping the position.
    mutating func invalidate() {
        recent.removeAll()
        key = key.map { DocumentKey(article: $0.article, measure: -1, width: $0.width, terms: $0.terms, options: $0.options, related: $0.related) }
    }

    /// The visible height changed.
    mutating func setHeight(_ height: Int) { viewport.setHeight(height) }

    /// Fits the reader to a pane of `width` columns and `height` text lines: re-flows the text
    /// if needed, keeping the reading position; a reader scrolled to the end stays at the end
    /// (a proportional position would land short of it once the line count changes).
    mutating func fit(store: ArticleStore, width: Int, height: Int, terms: [SearchTerm], overlay: ReaderOverlay? = nil,
                      headers: ReaderOptions = ReaderOptions(), related: RelatedSource = .unavailable) {
        let wasAtEnd = viewport.offset > 0 && viewport.isAtEnd
        let pending = pendingOffset.flatMap { $0.leftAt == viewport.offset ? $0.wanted : nil }
        pendingOffset = nil
        layOut(store: store, width: width, terms: terms, overlay: overlay, headers: headers, related: related)
        setHeight(height)
        if let pending {
            restore(offset: pending)
        } else {
            if wasAtEnd { viewport.end() }
            prepareWindow()
        }
    }

    /// Scrolls back to `offset` after a reload; while the article is too short for it (its
    /// "More like this" is not found yet), remembers it for when it grows back.
    mutating func restore(offset: Int) {
        viewport.scroll(toLine: offset)
        prepareWindow()
        pendingOffset = viewport.offset < offset ? (offset, viewport.offset) : nil
    }
}

extension ReaderState {
    /// Fits the reader to the pane `rect` the layout gives it (the rule above the text is the pane's own).
    mutating func fit(to rect: Rect, store: ArticleStore, terms: [SearchTerm], overlay: ReaderOverlay?, headers: ReaderOptions,
                      related: RelatedSource) {
        fit(store: store, width: rect.width, height: ReaderView.textHeight(in: rect), terms: terms, overlay: overlay,
            headers: headers, related: related)
    }
}

/// What the reader shows around an article's body: every header (`H`) or the readable ones with
/// the config's `[reader] show`/`hide`, and the widest measure (`[layout] reader-width`).
public struct ReaderOptions: Sendable, Equatable {
    public var all = false
    public var show: [String] = []
    public var hide: [String] = []
    public var measure = ReaderDocument.maxMeasure

    public init(all: Bool = false, show: [String] = [], hide: [String] = [], measure: Int = ReaderDocument.maxMeasure) {
        self.all = all
        self.show = show
        self.hide = hide
        self.measure = measure
    }

    /// The readable headers: `HeaderRelevance`'s choice, plus `show`, minus `hide` (names compare case-insensitively).
    var readable: @Sendable ([HeaderField]) -> [HeaderField] {
        let show = Set(show.map { $0.lowercased() }), hide = Set(hide.map { $0.lowercased() })
        guard !show.isEmpty || !hide.isEmpty else { return HeaderRelevance.readable }
        return { headers in
            let chosen = Set(HeaderRelevance.readable(headers).map { $0.name.lowercased() })
            return headers.filter { header in
                let name = header.name.lowercased()
                return !hide.contains(name) && (show.contains(name) || chosen.contains(name))
            }
        }
    }
}
