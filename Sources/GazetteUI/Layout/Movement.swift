/// A movement key's meaning, whatever it moves: the list's selection, the reader's text, the
/// sidebar's cursor or an overlay's lines (newsboat's `ListMovementControl`: one mapping).
public enum Movement: Sendable, Hashable {
    case lineDown, lineUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp

    /// The movement an action asks for; nil for any other action.
    public init?(_ action: Action) {
        switch action {
        case .moveDown: self = .lineDown
        case .moveUp: self = .lineUp
        case .moveToTop: self = .top
        case .moveToBottom: self = .bottom
        case .pageDown: self = .pageDown
        case .pageUp: self = .pageUp
        case .halfPageDown: self = .halfPageDown
        case .halfPageUp: self = .halfPageUp
        default: return nil
        }
    }
}

/// Something a `Movement` moves line by line: it says what a step, a page and the ends mean
/// for it, and `apply` maps every movement onto those once.
public protocol Scrollable {
    /// Moves by `lines` (negative: up), clamped.
    mutating func step(by lines: Int)
    mutating func home()
    mutating func end()
    mutating func pageDown()
    mutating func pageUp()
    mutating func halfPageDown()
    mutating func halfPageUp()
}

extension Scrollable {
    /// Applies `movement`, clamped to what there is.
    public mutating func apply(_ movement: Movement) {
        switch movement {
        case .lineDown: step(by: 1)
        case .lineUp: step(by: -1)
        case .top: home()
        case .bottom: end()
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .halfPageDown: halfPageDown()
        case .halfPageUp: halfPageUp()
        }
    }
}

extension ListViewport: Scrollable {
    /// Moves the selection.
    public mutating func step(by lines: Int) { move(by: lines) }
}

extension TextViewport: Scrollable {
    /// Scrolls the text.
    public mutating func step(by lines: Int) { scroll(by: lines) }
}
