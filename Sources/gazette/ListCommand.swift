import ArgumentParser
import GazetteCore
import GazetteState
import GazetteUI

extension SortOrder: ExpressibleByArgument {}
extension FacetKind: ExpressibleByArgument {}

/// `gazette list`: one line per matching article.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List matching articles: id, date, title, tags.",
        discussion: "QUERY uses the query language in README.md, e.g. gazette list tag:CIA -tag:Russia \"covert action\""
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var state: StateOptions

    // `.allUnrecognized` so that `-tag:Russia` (NOT) is a query word, not an unknown option.
    @Argument(parsing: .allUnrecognized, help: "Query words (all must match); -word excludes.")
    var query: [String] = []

    @Option(help: ArgumentHelp("Only the articles of the saved view NAME (and the query).", valueName: "NAME"))
    var view: String?

    @Option(help: "date, title, author or relevance (default: relevance when the query has words, else date).")
    var sort: SortOrder?

    @Option(help: "Print at most N articles.")
    var limit: Int?

    @Flag(help: "Print a JSON array.")
    var json = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        ignoreBrokenPipeSignal()
        var parsed = try parseQuery(query)
        let load = try data.loadStore()
        defer { load.finish() }
        let store = load.store
        let session = try state.session(for: store, edited: load.edited)
        if let view {
            // The config file's [views] are read only when the state has no view of that name.
            let known = session.views.contains { $0.name == view } ? session.views : session.views + (try data.loadConfig()).settings.views
            parsed = .and([try viewQuery(try savedView(view, in: known)), parsed])
        }
        let overlay = session.overlay
        let order = sort ?? (parsed.hasWords ? .relevance : .date)
        let result = store.evaluate(parsed, sort: order, overlay: overlay)
        // Only the rows printed are put in order (a relevance result is ranked lazily).
        let shown = result.order.articles(at: 0..<min(limit ?? Int.max, result.count))
        if json {
            let rows = shown.map { index in
                var row = ArticleJSON.summary(of: store.articles[Int(index)], tags: store.tagDisplayNames(ofArticle: Int(index)))
                row.setState(overlay, index: Int(index), store: store)
                return row
            }
            StandardOutput.write(try ArticleJSON.encode(rows))
        } else {
            for index in shown {
                let article = store.articles[Int(index)]
                StandardOutput.write(ArticleListing.line(article, tags: store.tagDisplayNames(ofArticle: Int(index), overlay: overlay)) + "\n")
            }
        }
        StandardOutput.flush()
    }
}

/// `gazette tags`: facet counts over the matching articles.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Count matching articles by tag, category, author or year, largest first."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var state: StateOptions

    // `.allUnrecognized` so that `-tag:Russia` (NOT) is a query word, not an unknown option.
    @Argument(parsing: .allUnrecognized, help: "Query words (all must match); -word excludes.")
    var query: [String] = []

    @Option(help: "tag, category, author or year.")
    var facet: FacetKind = .tag

    @Flag(help: "Print a JSON array of {value, count}.")
    var json = false

    func run() throws {
        ignoreBrokenPipeSignal()
        let parsed = try parseQuery(query)
        let load = try data.loadStore()
        defer { load.finish() }
        let store = load.store
        let entries = store.evaluate(parsed, sort: .date, overlay: try state.session(for: store, edited: load.edited).overlay).facet(facet)
        if json {
            StandardOutput.write(try ArticleJSON.encode(entries.map { ArticleJSON.FacetRow(value: $0.value, count: $0.count) }))
        } else {
            let countWidth = String(entries.first?.count ?? 0).count
            for entry in entries {
                let count = String(entry.count)
                let padding = String(repeating: " ", count: countWidth - count.count)
                StandardOutput.write("\(padding)\(count)  \(TerminalSafeText.sanitize(entry.value))\n")
            }
        }
        StandardOutput.flush()
    }
}
