/// Where a key is pressed: the focused pane, or a modal layer on top of it.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, sidebar, list, reader, prompt, help, warnings

    /// Heading used in the help overlay.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .sidebar: "Sidebar"
        case .list: "Article list"
        case .reader: "Reader"
        case .prompt: "Prompts (/ query, : command, t tags)"
        case .help: "Help"
        case .warnings: "Load warnings (w)"
        }
    }

    /// Modal contexts see only their own bindings plus the few that work anywhere.
    public var isModal: Bool { self == .prompt || self == .help || self == .warnings }
}

/// Which keys a binding matches.
public enum KeyPattern: Sendable, Hashable {
    case key(Key)
    /// Any printable character (the prompt's typing).
    case anyCharacter
}

/// One row of the key map: key, action, and the description the help overlay shows.
public struct KeyBinding: Sendable, Hashable {
    public var pattern: KeyPattern
    public var action: Action
    public var description: String
    /// Also active in modal contexts (Ctrl-C, Ctrl-L, Ctrl-Z).
    public var anywhere: Bool

    public init(_ pattern: KeyPattern, _ action: Action, _ description: String, anywhere: Bool = false) {
        self.pattern = pattern
        self.action = action
        self.description = description
        self.anywhere = anywhere
    }
}

/// Turns keys into actions per context; the same table generates the help overlay.
public struct KeyMap: Sendable {
    /// Bindings per context, in the order the help shows them.
    public var bindings: [KeyContext: [KeyBinding]]

    public init(bindings: [KeyContext: [KeyBinding]]) {
        self.bindings = bindings
    }

    /// The action for `key` in `context`: the context's own bindings first, then the global ones
    /// (only those marked `anywhere` in modal contexts). Resizes always map to `.resize`.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        if let action = Self.match(key, in: bindings[context] ?? []) { return action }
        guard context != .global else { return nil }
        let global = (bindings[.global] ?? []).filter { !context.isModal || $0.anywhere }
        return Self.match(key, in: global)
    }

    private static func match(_ key: Key, in list: [KeyBinding]) -> Action? {
        for binding in list {
            switch binding.pattern {
            case .key(let bound) where bound == key:
                return binding.action
            case .anyCharacter:
                if case .character(let c) = key, !c.isASCIIControl { return .promptInsert(c) }
            default:
                continue
            }
        }
        return nil
    }

    /// The bindings of `context` grouped for display: keys sharing an action and description
    /// are listed together (`j ↓  Move down`).
    public func helpEntries(for context: KeyContext) -> [(keys: String, description: String)] {
        var entries: [(keys: [String], description: String, action: Action?)] = []
        for binding in bindings[context] ?? [] {
            let name: String
            let action: Action?
            switch binding.pattern {
            case .key(let key):
                name = key.displayName
                action = binding.action
            case .anyCharacter:
                name = "text"
                action = nil
            }
            if let index = entries.firstIndex(where: { $0.description == binding.description && $0.action?.helpGroup == action?.helpGroup && action != nil }) {
                entries[index].keys.append(name)
            } else {
                entries.append(([name], binding.description, action))
            }
        }
        return entries.map { ($0.keys.joined(separator: " "), $0.description) }
    }
}

extension Character {
    fileprivate var isASCIIControl: Bool {
        guard let ascii = asciiValue else { return false }
        return ascii < 0x20 || ascii == 0x7F
    }
}

extension KeyContext {
    /// The key context of a focused pane.
    public init(_ pane: Pane) {
        switch pane {
        case .sidebar: self = .sidebar
        case .list: self = .list
        case .reader: self = .reader
        }
    }
}
