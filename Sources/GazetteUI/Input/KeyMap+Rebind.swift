/// Changing the key map: what a config file's `[keys]` sections do, one binding at a time.
extension KeyMap {
    /// The contexts a config file binds in: `[keys]` is `.global`, `[keys.list]` `.list`…
    public static let configurableContexts: [KeyContext] = [.global, .list, .reader, .sidebar]

    /// Binds `key` to `action` in `context` (nil `action`: unbinds it), replacing what the key
    /// did there. A global binding also replaces the key's pane bindings, so `[keys] j = …`
    /// means the same in every pane; a pane's own section is applied after and wins there.
    public mutating func bind(_ key: Key, to action: Action?, in context: KeyContext) {
        let contexts = context == .global ? [KeyContext.global, .list, .reader, .sidebar] : [context]
        for each in contexts {
            bindings[each]?.removeAll { $0.pattern == .key(key) }
        }
        guard let action else { return }
        let binding = KeyBinding(.key(key), action, Self.description(of: action), anywhere: Self.worksAnywhere(action))
        // Appended after the bindings of the same action, so the help lists the keys together.
        var list = bindings[context] ?? []
        let position = list.lastIndex { $0.action == action }.map { $0 + 1 } ?? list.endIndex
        list.insert(binding, at: position)
        bindings[context] = list
    }

    /// How the help describes `action`: as the standard map does, else by its name.
    static func description(of action: Action) -> String {
        for context in KeyContext.allCases {
            if let binding = standard.bindings[context]?.first(where: { $0.action == action }) { return binding.description }
        }
        return action.name ?? "\(action)"
    }

    /// Quit, redraw and suspend keep working over prompts and overlays wherever they are bound;
    /// a rebound help or warnings key also closes its own overlay (as `?` and `w` do).
    static func worksAnywhere(_ action: Action) -> Bool {
        [.quit, .redraw, .suspend, .toggleHelp, .toggleWarnings].contains(action)
    }

    /// The keys bound to `action` in `context` (or globally), as the help writes them.
    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        ((bindings[context] ?? []) + (context == .global ? [] : bindings[.global] ?? [])).compactMap { binding in
            if case .key(let key) = binding.pattern, binding.action == action { return key }
            return nil
        }
    }
}
