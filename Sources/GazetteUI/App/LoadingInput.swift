/// Keys pressed while the archive loads: quit, resize, redraw and suspend act at once; the rest
/// wait and are replayed into the browser once it exists, so typing ahead (`/cia`) is not lost.
public struct LoadingInput: Sendable {
    /// Keys waiting for the browser, oldest first.
    public private(set) var queued: [Key] = []
    /// Whether the queued keys leave the `/` prompt open: there `q` is a letter, not quit.
    private var promptOpen = false
    private let keyMap: KeyMap

    /// Keys beyond this are dropped: a held key on a slow load should not replay for seconds.
    public static let limit = 512

    /// Nothing queued yet.
    public init(keyMap: KeyMap = Settings.defaults.keyMap) { self.keyMap = keyMap }

    /// The action to perform now for `key` (`.quit`, `.closeOrQuit`, `.resize`, `.redraw`,
    /// `.suspend`), or nil when the key was queued for the browser.
    public mutating func receive(_ key: Key) -> Action? {
        let action = keyMap.action(for: key, in: promptOpen ? .prompt : .global)
        switch action {
        case .quit?, .closeOrQuit?, .resize?, .redraw?, .suspend?:
            return action
        case .startQuery?:
            promptOpen = true
        case .promptSubmit?, .promptCancel?:
            promptOpen = false
        default:
            break
        }
        if queued.count < Self.limit { queued.append(key) }
        return nil
    }
}

extension AppState {
    /// Replays keys queued while loading, as if pressed now, through the state's key map; stops
    /// at the first that quits. Returns the effects for the run loop.
    public mutating func replay(_ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            guard let action = action(for: key) else { continue }
            effects += reduce(&self, action)
            if effects.contains(.quit) { break }
        }
        return effects
    }
}
