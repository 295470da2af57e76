import ArgumentParser
import Foundation
import GazetteFeeds
import GazetteFetch
import GazetteUI

/// `gazette feeds …`: the subscriptions, kept as OPML in `$XDG_CONFIG_HOME/gazette/feeds.opml`.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Manage feed subscriptions (kept as OPML).",
        discussion: "The list lives in $GAZETTE_FEEDS, else $XDG_CONFIG_HOME/gazette/feeds.opml (~/.config/gazette/feeds.opml).",
        subcommands: [Add.self, List.self, Remove.self, Import.self, Export.self],
        defaultSubcommand: List.self
    )

    /// `--feeds FILE`, shared by the subcommands and `gazette fetch`.
    struct FileOption: ParsableArguments {
        @Option(name: .customLong("feeds"), help: ArgumentHelp("The subscriptions file (OPML).", valueName: "FILE"))
        var path: String?

        /// The list, or exit 2 with `path:line: reason` when the file is broken.
        /// The file named, else the default (`$GAZETTE_FEEDS`, then the XDG config folder).
        var resolvedPath: String { path ?? SubscriptionList.defaultPath(environment: ProcessInfo.processInfo.environment) }

        func load() throws -> SubscriptionList {
            let file = resolvedPath
            do {
                return try SubscriptionList(path: file)
            } catch {
                StandardError.write("gazette: \(error)\n")
                throw ExitCode(2)
            }
        }

        func save(_ list: SubscriptionList) throws {
            do {
                try list.save()
            } catch {
                StandardError.write("gazette: cannot save \(list.path): \(error)\n")
                throw ExitCode(2)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Subscribe to a feed (RSS, Atom or JSON Feed URL).")
        @Argument(help: "The feed's URL.") var url: String
        @Option(name: .customLong("tag"), help: ArgumentHelp("A tag for its articles (repeatable).", valueName: "TAG"))
        var tags: [String] = []
        @Option(help: "A title of your own (also names its folder).") var title: String?
        @OptionGroup var file: FileOption

        func run() throws {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  parsed.host?.isEmpty == false else {
                StandardError.write("gazette: not an http(s) URL: \(TerminalSafeText.sanitize(url))\n")
                throw ExitCode(2)
            }
            var list = try file.load()
            let cleanTags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let added = list.add(Subscription(url: url, title: title.flatMap { $0.isEmpty ? nil : $0 }, tags: cleanTags))
            try file.save(list)
            let sub = list.subscriptions[list.index(of: url)!]
            let verb = added ? "subscribed to" : "updated"
            StandardOutput.write("\(verb) \(TerminalSafeText.sanitize(sub.url)) (folder feeds/\(sub.folder))\n")
            StandardOutput.flush()
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the subscriptions.")
        @Flag(help: "JSON: url, title, tags, folder, homePage.") var json = false
        @OptionGroup var file: FileOption

        func run() throws {
            ignoreBrokenPipeSignal()
            let list = try file.load()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let rows = list.subscriptions.map(SubscriptionJSON.init)
                StandardOutput.write(try encoder.encode(rows))
                StandardOutput.write("\n")
            } else if list.subscriptions.isEmpty {
                StandardError.write("gazette: no subscriptions yet (gazette feeds add URL)\n")
            } else {
                for sub in list.subscriptions {
                    var line = sub.url
                    if let title = sub.title { line += "  \(title)" }
                    if !sub.tags.isEmpty { line += "  [\(sub.tags.joined(separator: ", "))]" }
                    StandardOutput.write(TerminalSafeText.sanitize(line) + "\n")
                }
            }
            StandardOutput.flush()
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Unsubscribe (articles already fetched stay where they are).")
        @Argument(help: "The feed's URL, as listed.") var url: String
        @OptionGroup var file: FileOption

        func run() throws {
            var list = try file.load()
            guard let index = list.index(of: url) else {
                StandardError.write("gazette: not subscribed: \(TerminalSafeText.sanitize(url))\n")
                throw ExitCode(1)
            }
            let removed = list.subscriptions.remove(at: index)
            try file.save(list)
            StandardOutput.write("unsubscribed from \(TerminalSafeText.sanitize(removed.url)); its articles stay in feeds/\(removed.folder)\n")
            StandardOutput.flush()
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add the feeds of an OPML file (nested outlines become tags).")
        @Argument(help: "An OPML file exported from any feed reader.") var opml: String
        @OptionGroup var file: FileOption

        func run() throws {
            guard let data = FileManager.default.contents(atPath: opml) else {
                StandardError.write("gazette: \(opml): cannot read\n")
                throw ExitCode(2)
            }
            let incoming: [Subscription]
            do {
                incoming = try OPML.parse(Array(data))
            } catch let error as OPML.ParseError {
                StandardError.write("gazette: \(opml):\(error.line): \(error.reason)\n")
                throw ExitCode(2)
            }
            var list = try file.load()
            var added = 0
            for sub in incoming where list.add(sub) { added += 1 }
            try file.save(list)
            StandardOutput.write("imported \(added) new of \(incoming.count) feeds from \(TerminalSafeText.sanitize(opml))\n")
            StandardOutput.flush()
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the subscriptions as OPML 2.0.")
        @OptionGroup var file: FileOption

        func run() throws {
            ignoreBrokenPipeSignal()
            StandardOutput.write(OPML.render(try file.load().subscriptions))
            StandardOutput.flush()
        }
    }
}

/// A subscription as `feeds list --json` prints it (every key present, null when absent).
struct SubscriptionJSON: Encodable {
    var url: String
    var title: String?
    var tags: [String]
    var folder: String
    var homePage: String?

    init(_ sub: Subscription) {
        url = sub.url
        title = sub.title
        tags = sub.tags
        folder = sub.folder
        homePage = sub.homePage
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(tags, forKey: .tags)
        try container.encode(folder, forKey: .folder)
        try container.encode(homePage, forKey: .homePage)
    }

    enum CodingKeys: String, CodingKey { case url, title, tags, folder, homePage }
}
