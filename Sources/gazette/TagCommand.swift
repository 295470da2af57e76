import ArgumentParser
import Foundation
import GazetteCore
import GazetteState

/// `gazette tag +x -y -- QUERY` (notmuch's form): add and remove the reader's own tags.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add (+tag) or remove (-tag) your own tags on the articles a query matches.",
        discussion: """
            gazette tag +later -todo -- tag:CIA is:unread
            Removing a tag the file gives an article hides it for you; the file is never changed. \
            With --batch, each line of standard input is one such command (+a -b -- QUERY).
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var state: StateOptions

    @Flag(help: "Read '+tag -tag -- QUERY' lines from standard input.")
    var batch = false

    // Everything, `-tag` and `--` included: `-y` is a tag to remove, not an option.
    @Argument(parsing: .captureForPassthrough, help: "+tag -tag … -- QUERY")
    var words: [String] = []

    func run() throws {
        ignoreBrokenPipeSignal()
        var commands: [(changes: [(String, Int)], query: [String], label: String)] = []
        if batch {
            guard words.isEmpty else { throw ValidationError("--batch reads its commands from standard input; give no others") }
            var number = 0
            while let line = readLine() {
                number += 1
                let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
                if fields.isEmpty || fields[0].hasPrefix("#") { continue }
                commands.append(try Self.split(fields, label: "stdin:\(number)"))
            }
        } else {
            commands.append(try Self.split(words, label: "gazette tag"))
        }
        let queries = try commands.map { command in
            do {
                return try Query.parse(command.query.joined(separator: " "))
            } catch {
                StandardError.write("gazette: \(command.label): bad query: \(error)\n")
                throw ExitCode(2)
            }
        }
        let load = try data.loadStore()
        defer { load.finish() }
        let store = load.store
        let session = ReaderStateSession(database: try state.open(forWriting: true), store: store, edited: load.edited)
        for (command, query) in zip(commands, queries) {
            let result = store.evaluate(query, sort: .date, overlay: session.overlay)
            var edits: [StateEdit] = []
            for index in result.indices {
                for (tag, sign) in command.changes { edits.append(store.tagEdit(Int(index), tag, add: sign > 0)) }
            }
            let commit = try session.apply(edits)
            let changed = Set(commit.applied.map(\.id)).count
            let noun = result.count == 1 ? "article" : "articles"
            StandardOutput.write("\(result.count) \(noun) matched, \(changed) changed\n")
            // Said once committed (on disk), line by line, so a script driving --batch can follow.
            StandardOutput.flush()
        }
    }

    /// `+a -b -- QUERY…` → the tag changes and the query words.
    static func split(_ words: [String], label: String) throws -> (changes: [(String, Int)], query: [String], label: String) {
        var changes: [(String, Int)] = []
        var rest = words[...]
        while let word = rest.first, word != "--" {
            rest = rest.dropFirst()
            guard let sign = word.first, sign == "+" || sign == "-", word.count > 1 else {
                throw ValidationError("\(label): '\(word)' is not +tag or -tag (put the query after --)")
            }
            let tag = String(word.dropFirst())
            guard !tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("\(label): a tag cannot contain control characters")
            }
            changes.append((tag, sign == "+" ? 1 : -1))
        }
        guard rest.first == "--" else { throw ValidationError("\(label): expected -- before the query (gazette tag +x -y -- QUERY)") }
        guard !changes.isEmpty else { throw ValidationError("\(label): nothing to do: give +tag or -tag before --") }
        let query = Array(rest.dropFirst())
        guard !query.isEmpty else {
            throw ValidationError("\(label): give a query after -- (an empty one would tag every article)")
        }
        return (changes, query, label)
    }
}

/// `gazette mark read|unread QUERY`.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark the articles a query matches read or unread."
    )

    enum Flag: String, ExpressibleByArgument { case read, unread }

    @OptionGroup var data: DataOptions
    @OptionGroup var state: StateOptions

    @Argument(help: "read or unread")
    var flag: Flag

    @ArgumentParser.Flag(name: .customLong("all"), help: "Mark every article (instead of a query).")
    var all = false

    @Argument(parsing: .allUnrecognized, help: "Query words (all must match).")
    var query: [String] = []

    func validate() throws {
        // As `tag` refuses an empty query: one missing word must not mark a whole archive.
        if query.isEmpty, !all { throw ValidationError("give a query, or --all to mark every article") }
        if !query.isEmpty, all { throw ValidationError("give a query or --all, not both") }
    }

    func run() throws {
        ignoreBrokenPipeSignal()
        let parsed = try parseQuery(query)
        let load = try data.loadStore()
        defer { load.finish() }
        let store = load.store
        let session = ReaderStateSession(database: try state.open(forWriting: true), store: store, edited: load.edited)
        let result = store.evaluate(parsed, sort: .date, overlay: session.overlay)
        let value = flag == .read
        let edits = result.indices.map { StateEdit.read(id: store.articles.id(at: Int($0)).description, value: value) }
        let commit = try session.apply(edits)
        let noun = result.count == 1 ? "article" : "articles"
        StandardOutput.write("\(result.count) \(noun) matched, \(commit.applied.count) marked \(flag.rawValue)\n")
        StandardOutput.flush()
    }
}
