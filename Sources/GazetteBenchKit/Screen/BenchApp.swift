import GazetteCore
import GazetteUI

/// The browser users run, driven as the run loop drives it: an `AppState`, the real `reduce`
/// for each key's action and the real `render` of the whole screen into a `Canvas`.
///
/// The keystroke figures time `send` + `frame`: everything a key costs but the terminal's
/// diff-and-draw (effects such as saving the reading state are not performed).
public struct BenchApp {
    public private(set) var state: AppState

    /// The browser right after loading: everything listed, the newest article selected and
    /// shown in the reader, as the first frame shows it.
    public init(store: ArticleStore, width: Int = 120, height: Int = 40) {
        state = AppState(store: store, width: width, height: height)
    }

    /// The first frame of a browser over `store`: the state built and the screen drawn.
    public static func firstFrame(store: ArticleStore, width: Int = 120, height: Int = 40) -> Canvas {
        render(BenchApp(store: store, width: width, height: height).state)
    }

    /// Reduces each action in turn, as the run loop does for each key.
    public mutating func send(_ actions: Action...) {
        for action in actions { _ = reduce(&state, action) }
    }

    /// Opens the `/` prompt and types `text` into it, one key at a time (the live filter runs on each).
    public mutating func type(_ text: String) {
        if state.prompt == nil { send(.startQuery) }
        for character in text { send(.promptInsert(character)) }
    }

    /// The whole screen drawn for the current state.
    public func frame() -> Canvas { render(state) }

    /// Articles the list shows now.
    public var shown: Int { state.result.count }
}
