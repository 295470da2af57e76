#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal on stdout, when stdout is one (for `show` without `--width`).
enum TerminalWidth {
    static func current() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
