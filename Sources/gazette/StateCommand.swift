import ArgumentParser
import Foundation
import GazetteCore
import GazetteState
import GazetteUI

/// `gazette state export|import|gc|path`: the reader's state as a whole.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export, import or clean up your reading state (read, starred, tags, views).",
        subcommands: [Export.self, Import.self, GC.self, Check.self, Path.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the state as sorted plain text (one line per article with state, then views).")

        @OptionGroup var state: StateOptions

        func run() throws {
            ignoreBrokenPipeSignal()
            let database = try state.open(forWriting: false)
            StandardOutput.write(try database.exportText())
            StandardOutput.flush()
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the listed articles' state (and views) from an export; importing twice changes nothing more.")

        @OptionGroup var state: StateOptions

        @Argument(help: "A file written by gazette state export ('-' for standard input).")
        var file: String

        func run() throws {
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    StandardError.write("gazette: \(file): cannot read\n")
                    throw ExitCode(1)
                }
                text = String(decoding: data, as: UTF8.self)
            }
            let contents: StateFile.Contents
            do {
                contents = try StateFile.parse(text, path: file == "-" ? "stdin" : file)
            } catch {
                StandardError.write("gazette: \(error)\n")
                throw ExitCode(1)
            }
            let changed = try state.open(forWriting: true).importContents(contents)
            StandardOutput.write("\(counted(contents.articles.count, "article")) and \(counted(contents.views.count, "view")) read, "
                + "\(counted(changed, "article")) changed\n")
            StandardOutput.flush()
        }
    }

    struct GC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc",
            abstract: "List state kept for articles no longer in the archive; --apply removes it.")

        @OptionGroup var data: DataOptions
        @OptionGroup var state: StateOptions

        @Flag(help: "Remove the listed state (it is kept by default: the files may come back).")
        var apply = false

        func run() throws {
            ignoreBrokenPipeSignal()
            let load = try data.loadStore()
            defer { load.finish() }
            let store = load.store
            let database = try state.open(forWriting: apply)
            // A session first: its one-time migrations move rows that only look orphaned (fetched
            // items' former ids) to their articles.
            _ = ReaderStateSession(database: database, store: store, edited: load.edited)
            let orphans = try database.rows().filter { row in ArticleID(row.id).flatMap(store.index(of:)) == nil }
            let text = StateFile.text(StateFile.Contents(articles: orphans))
            // The listing is the export's own lines (without its header), so it can be kept and imported.
            StandardOutput.write(text.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined())
            if apply {
                try database.remove(ids: orphans.map(\.id))
                StandardOutput.write("removed state of \(counted(orphans.count, "article")) not in the archive\n")
            } else {
                StandardOutput.write(orphans.count == 1
                    ? "1 article with state is not in the archive; --apply removes its state\n"
                    : "\(orphans.count) articles with state are not in the archive; --apply removes their state\n")
            }
            StandardOutput.flush()
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQLite's integrity check on the state store; exit 1 unless it says ok.")

        @OptionGroup var state: StateOptions

        func run() throws {
            let database = try state.open(forWriting: false)
            if let aside = database.damagedCopy {
                // Opening found it damaged (its notice is on stderr): the store checked now is the new one.
                StandardOutput.write("damaged: moved aside as \(aside)\n")
                StandardOutput.flush()
                throw ExitCode(1)
            }
            let answer = try database.integrityCheck()
            StandardOutput.write(answer + "\n")
            StandardOutput.flush()
            if answer != "ok" { throw ExitCode(1) }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the state database's path.")

        @OptionGroup var state: StateOptions

        func run() throws {
            StandardOutput.write((state.resolvedDirectory() as NSString).appendingPathComponent(StateLocation.fileName) + "\n")
            StandardOutput.flush()
        }
    }
}

/// `gazette view add|list|rm`: saved views (a name and a query).
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Save, list and delete named queries (the sidebar's Views; --view NAME on browse and list).",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save QUERY as the view NAME (replacing one of that name).")

        @OptionGroup var state: StateOptions

        @Argument(help: "The view's name.")
        var name: String

        @Argument(parsing: .allUnrecognized, help: "The query.")
        var query: [String] = []

        func run() throws {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("a view name must be non-empty text without control characters")
            }
            let parsed = try parseQuery(query)
            guard !parsed.text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("a view's query cannot contain control characters")
            }
            try state.open(forWriting: true).saveView(SavedView(name: trimmed, query: parsed.text))
            StandardOutput.write("saved view '\(trimmed)': \(parsed.text)\n")
            StandardOutput.flush()
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List saved views: name and query.")

        @OptionGroup var state: StateOptions

        @Flag(help: "Print a JSON array of {name, query}.")
        var json = false

        func run() throws {
            ignoreBrokenPipeSignal()
            let views = try state.open(forWriting: false).views()
            if json {
                StandardOutput.write(try ArticleJSON.encode(views))
            } else {
                let width = views.map { $0.name.count }.max() ?? 0
                for view in views {
                    let name = TerminalSafeText.sanitize(view.name)
                    StandardOutput.write(name + String(repeating: " ", count: max(0, width - view.name.count)) + "  " + TerminalSafeText.sanitize(view.query) + "\n")
                }
            }
            StandardOutput.flush()
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete the view NAME.")

        @OptionGroup var state: StateOptions

        @Argument(help: "The view's name.")
        var name: String

        func run() throws {
            guard try state.open(forWriting: true).removeView(named: name) else {
                StandardError.write("gazette: no saved view named '\(name)'\n")
                throw ExitCode(1)
            }
            StandardOutput.write("deleted view '\(name)'\n")
            StandardOutput.flush()
        }
    }
}

/// `1 article`, `3 articles`.
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
