import GazetteCore

/// A `:` command: its name, what its arguments may be (for Tab), and what it does.
///
/// Every bindable action is a command by its name (`:zoom`); the commands here take arguments.
/// Adding one is a row in `Command.all`.
struct Command: Sendable {
    /// How it is typed, e.g. `sort`.
    let name: String
    /// Shown when it is used wrongly, e.g. `sort date|title|author|relevance`.
    let usage: String
    /// Candidates for argument `index` (0-based) given the state, for completion.
    let candidates: @Sendable (AppState, _ index: Int) -> [String]
    /// Runs with the words after the name; returns the effects, or throws a message for the prompt line.
    let run: @Sendable (inout AppState, [String]) throws(CommandError) -> [Effect]

    /// The commands with arguments.
    static let all: [Command] = [
        Command(name: "sort", usage: "sort date|title|author|relevance", candidates: { _, index in
            index == 0 ? SortOrder.allCases.map(\.rawValue) : []
        }) { state, words throws(CommandError) in
            guard words.count == 1, let order = SortOrder(rawValue: words[0].lowercased()) else { throw CommandError("Usage: sort date|title|author|relevance") }
            state.sortChoice = order
            state.reapply()
            state.message = "Sorted by \(order.rawValue)"
            return []
        },
        Command(name: "theme", usage: "theme default|light|mono", candidates: { _, index in
            index == 0 ? Theme.builtIn.keys.sorted() : []
        }) { state, words throws(CommandError) in
            guard words.count == 1, let theme = Theme.builtIn[words[0].lowercased()] else {
                throw CommandError("Usage: theme \(Theme.builtIn.keys.sorted().joined(separator: "|"))")
            }
            state.settings.theme = theme
            state.message = "Theme: \(theme.name)"
            return [.applyTheme(theme)]
        },
        Command(name: "view", usage: "view NAME | view save NAME | view delete NAME", candidates: { state, index in
            index == 0 ? ["save", "delete", "All", "Unread", "Starred"] + state.allViews.map(\.name) : (index == 1 ? state.savedViews.map(\.name) : [])
        }) { state, words throws(CommandError) in try state.viewCommand(words) },
        Command(name: "query", usage: "query TEXT", candidates: { _, _ in [] }) { state, words throws(CommandError) in
            let text = words.joined(separator: " ")
            if let error = state.apply(typed: text) { throw CommandError("Query: \(error)") }
            state.keep(text)
            return []
        },
        Command(name: "bind", usage: "bind KEY ACTION (in every pane; ACTION none unbinds)", candidates: { _, index in
            index == 1 ? ["none"] + Action.named.map(\.name) : []
        }) { state, words throws(CommandError) in
            guard words.count == 2, let key = Key(name: words[0]) else { throw CommandError("Usage: bind KEY ACTION, e.g. bind J next-article") }
            let action = Action(name: words[1])
            guard action != nil || words[1].lowercased() == "none" else { throw CommandError("No action '\(words[1])' (Tab lists them)") }
            state.settings.keyMap.bind(key, to: action, in: .global)
            state.message = action.map { "\(key.configName): \($0.name ?? "")" } ?? "\(key.configName): unbound"
            return []
        },
    ]

    /// Every command name: these, then every action's.
    static var names: [String] { all.map(\.name) + Action.named.map(\.name) }
}

/// Why a command did not run, said in the prompt line.
struct CommandError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension AppState {
    /// `:view NAME`, `:view save NAME`, `:view delete NAME`.
    fileprivate mutating func viewCommand(_ words: [String]) throws(CommandError) -> [Effect] {
        guard let first = words.first else { throw CommandError("Usage: view NAME | view save NAME | view delete NAME") }
        let rest = words.dropFirst().joined(separator: " ")
        switch first.lowercased() {
        case "save" where !rest.isEmpty:
            guard overlay != nil else { throw CommandError("Reader state is off: views cannot be saved") }
            guard !activeQueryText.isEmpty else { throw CommandError("Nothing to save: filter first (/ or the sidebar)") }
            return [.saveView(SavedView(name: rest, query: activeQueryText))]
        case "delete" where !rest.isEmpty:
            guard savedViews.contains(where: { $0.name == rest }) else { throw CommandError("No saved view '\(rest)'") }
            return [.deleteView(rest)]
        default:
            let name = words.joined(separator: " ")
            if name.lowercased() == "all" {
                selectView(nil)
                return []
            }
            guard openView(named: name) else { throw CommandError("No view '\(name)' (Tab lists them)") }
            return []
        }
    }

    /// Keys while the `:` prompt is open: Enter runs, Tab completes, Esc cancels.
    mutating func reduceCommandPrompt(_ action: Action) -> [Effect] {
        guard var prompt else { return [] }
        switch action {
        case .promptCancel:
            self.prompt = nil
            return []
        case .promptComplete:
            prompt.text = completeCommand(prompt.text)
            prompt.error = nil
        case .promptSubmit:
            let words = prompt.text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let name = words.first else {
                self.prompt = nil
                return []
            }
            self.prompt = nil
            do {
                return try runCommand(name, Array(words.dropFirst()))
            } catch {
                // The prompt stays open with the reason, so the command can be fixed.
                prompt.error = error.message
                self.prompt = prompt
                return []
            }
        default:
            guard prompt.edit(action) else { return [] }
            prompt.error = nil
        }
        self.prompt = prompt
        return []
    }

    /// Runs command `name` with `arguments`: a command of `Command.all`, else an action by name.
    mutating func runCommand(_ name: String, _ arguments: [String]) throws(CommandError) -> [Effect] {
        if let command = Command.all.first(where: { $0.name == name.lowercased() }) {
            return try command.run(&self, arguments)
        }
        guard let action = Action(name: name) else { throw CommandError("No command '\(name)' (Tab lists them)") }
        guard arguments.isEmpty else { throw CommandError("'\(name)' takes no arguments") }
        return reduce(&self, action)
    }

    /// Completes the word being typed: a command name first, then that command's arguments.
    /// Several candidates: their common prefix, and the status line lists a few.
    mutating func completeCommand(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.popLast() ?? ""
        let typed = words.filter { !$0.isEmpty }
        let candidates: [String]
        if typed.isEmpty {
            candidates = Command.names
        } else if let command = Command.all.first(where: { $0.name == typed[0].lowercased() }) {
            candidates = command.candidates(self, typed.count - 1)
        } else {
            candidates = []
        }
        let matching = candidates.filter { $0.lowercased().hasPrefix(current.lowercased()) }
        guard let first = matching.first else {
            message = typed.isEmpty ? "No command starts with '\(current)'" : "Nothing to complete"
            return text
        }
        var common = first.lowercased()
        for candidate in matching.dropFirst() {
            common = String(zip(common, candidate.lowercased()).prefix { $0 == $1 }.map(\.0))
        }
        if matching.count > 1 {
            message = matching.prefix(8).joined(separator: " ") + (matching.count > 8 ? " …" : "")
        }
        let completion = matching.count == 1 ? first + " " : String(first.prefix(common.count))
        return (words + [completion]).joined(separator: " ")
    }
}
