import ArgumentParser
import GazetteCore
import GazetteUI

/// `gazette show ID`: one article as readable text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article as text: paragraphs re-wrapped, quotes, tables and signatures kept (any unique prefix of its id works)."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var state: StateOptions

    @Argument(help: "The article id (or a unique prefix of it).")
    var id: String

    @Option(help: "Wrap paragraphs to N columns (default 80, or the terminal's width if smaller).")
    var width: Int?

    @Flag(help: "Print the article as a JSON object.")
    var json = false

    @Flag(help: "Print every header, routing headers (Path, Message-ID, X-…) included.")
    var headers = false

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width must be at least 10") }
    }

    func run() throws {
        ignoreBrokenPipeSignal()
        let load = try data.loadStore()
        defer { load.finish() }
        let store = load.store
        // An edited article's state follows it now: the next snapshot forgets its former id.
        let session = load.edited.isEmpty && !json ? nil : try state.session(for: store, edited: load.edited)
        let matches = store.indices(matchingIDPrefix: id.lowercased())
        guard let index = matches.first else {
            StandardError.write("gazette: no article with id \(id)\n")
            throw ExitCode(1)
        }
        if matches.count > 1 {
            let list = matches.prefix(5).map { store.articles[$0].id.description }.joined(separator: ", ")
            StandardError.write("gazette: id \(id) is ambiguous (\(list)\(matches.count > 5 ? ", …" : "")); give more digits\n")
            throw ExitCode(1)
        }
        let article = store.articles[index]
        let tags = store.tagDisplayNames(ofArticle: index)
        if json {
            var detail = ArticleJSON.detail(of: article, tags: tags)
            detail.summary.setState((try session ?? state.session(for: store)).overlay, index: index, store: store)
            StandardOutput.write(try ArticleJSON.encode(detail))
        } else {
            let columns = width ?? min(80, TerminalWidth.current() ?? 80)
            // Streamed as laid out: a huge article never waits for (or holds) its whole layout.
            ArticleTextRenderer.stream(
                article, tags: tags, width: columns, allHeaders: headers,
                thread: ReaderThread.of(index, in: store, keysShown: false), bytes: StandardOutput.write(bytes:))
        }
        StandardOutput.flush()
    }
}
