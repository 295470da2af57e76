/// A decoded key press, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl + a letter, lower-case (`Ctrl-D` is `.control("d")`).
    case control(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    case resize(width: Int, height: Int)
    /// A click, release, drag or wheel turn (only while the terminal reports the mouse).
    case mouse(MouseEvent)
}
