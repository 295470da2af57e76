import CNcursesw
import GazetteUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal in curses mode: lifecycle, key input and drawing of `Canvas` frames.
///
/// Create it with `start(colors:)`, stop it with `stop()` (also done on deinit, on SIGTERM,
/// SIGHUP, SIGINT, SIGQUIT and on fatal signals). Not thread-safe: use it from one thread.
public final class TerminalScreen {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private(set) var palette: Palette
    /// Whether colour may be used at all (`NO_COLOR` and `ColorMode.never` say no).
    private let colorMode: ColorMode
    /// The frame currently on screen; nil forces the next `draw` to write every cell.
    var lastCanvas: Canvas?
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private let ownsSignals: Bool
    private var stopped = false

    /// True once standard input has gone (EOF or hang-up): the app should exit.
    public private(set) var isInputClosed = false

    private init(
        screen: OpaquePointer, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        ownsFiles: Bool, ownsSignals: Bool, colors: ColorMode
    ) {
        self.screen = screen
        self.inputFile = input
        self.outputFile = output
        self.ownsFiles = ownsFiles
        self.ownsSignals = ownsSignals
        self.window = gz_stdscr()
        self.colorMode = colors
        self.palette = Palette(color: false, colorCount: 0)
        // raw (not cbreak): Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys so quitting and suspending
        // go through the app, which restores the terminal itself.
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        // Eight-bit bytes as they come (UTF-8 is assembled in `readOne`); without it wgetch strips bit 8.
        meta(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        palette = TerminalScreen.setUpColors(colors, theme: .default)
    }

    /// Draws with `theme` from now on (the whole screen is redrawn with the next frame).
    /// `NO_COLOR` and a terminal without colour still win: their frames stay monochrome.
    public func apply(theme: Theme) {
        palette = TerminalScreen.setUpColors(colorMode, theme: theme)
        lastCanvas = nil
    }

    deinit { stop() }

    /// Enters curses mode on standard input/output.
    ///
    /// Throws `notATerminal` (writing nothing) when either is not a TTY, `badTerm` when ncurses
    /// does not know `TERM`.
    public static func start(colors: ColorMode = .automatic) throws(TerminalError) -> TerminalScreen {
        let noColor = noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
        return try start(colors: noColor ? .never : colors, inputDescriptor: STDIN_FILENO, outputDescriptor: STDOUT_FILENO)
    }

    /// `start` on arbitrary descriptors, so the not-a-terminal path is testable from any shell.
    static func start(colors: ColorMode, inputDescriptor: Int32, outputDescriptor: Int32) throws(TerminalError) -> TerminalScreen {
        guard isatty(inputDescriptor) == 1, isatty(outputDescriptor) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        // Under LC_ALL=C ncursesw would refuse every non-ASCII key and draw `?` for text.
        _ = gz_ensure_utf8_ctype()
        let standard = inputDescriptor == STDIN_FILENO && outputDescriptor == STDOUT_FILENO
        guard let files = standard ? (gz_stdin(), gz_stdout()) : openFiles(input: inputDescriptor, output: outputDescriptor)
        else { throw .callFailed("fdopen") }
        guard let screen = newterm(nil, files.1, files.0) else {
            if !standard { fclose(files.0); fclose(files.1) }
            throw .badTerm(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        // A terminal that cannot move the cursor (TERM=dumb) would show only the last line drawn.
        guard gz_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            if !standard { fclose(files.0); fclose(files.1) }
            throw .cannotAddressCursor(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        let terminal = TerminalScreen(
            screen: screen, input: files.0, output: files.1, ownsFiles: !standard, ownsSignals: true, colors: colors)
        gz_set_curses_active(1)
        // After newterm: ncurses installs its SIGWINCH/SIGTSTP handlers and keeps them.
        gz_install_signal_handlers()
        return terminal
    }

    /// A screen writing to /dev/null at a fixed size, for tests reading cells back.
    ///
    /// `NO_COLOR` is not consulted (the test runner may set it): `colors` alone decides.
    /// Keys are read from `inputDescriptor` (a pipe in tests) or /dev/null. No signal handlers.
    static func offscreen(width: Int, height: Int, colors: ColorMode = .automatic, inputDescriptor: Int32? = nil) throws(TerminalError) -> TerminalScreen {
        setlocale(LC_ALL, "")
        guard let output = fopen("/dev/null", "w") else { throw .callFailed("fopen(/dev/null)") }
        let input = inputDescriptor.map { fdopen(dup($0), "r") } ?? fopen("/dev/null", "r")
        guard let input else { fclose(output); throw .callFailed("fdopen") }
        guard let screen = newterm("xterm-256color", output, input) else {
            fclose(input); fclose(output)
            throw .badTerm("xterm-256color")
        }
        let terminal = TerminalScreen(
            screen: screen, input: input, output: output, ownsFiles: true, ownsSignals: false, colors: colors)
        guard resizeterm(Int32(height), Int32(width)) == OK else { throw .callFailed("resizeterm") }
        // resizeterm queues a KEY_RESIZE; tests want the keys they send, not that one.
        var pending: wint_t = 0
        wtimeout(terminal.window, 0)
        _ = wget_wch(terminal.window, &pending)
        return terminal
    }

    private static func openFiles(input: Int32, output: Int32) -> (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>)? {
        guard let inFile = fdopen(dup(input), "r") else { return nil }
        guard let outFile = fdopen(dup(output), "w") else { fclose(inFile); return nil }
        return (inFile, outFile)
    }

    /// Whether `COLORTERM` says the terminal draws 24-bit colour.
    static func trueColorRequested(_ value: String? = getenv("COLORTERM").map { String(cString: $0) }) -> Bool {
        value == "truecolor" || value == "24bit"
    }

    /// Whether a `NO_COLOR` value asks for no colour (https://no-color.org: set and not empty).
    static func noColorRequested(_ value: String?) -> Bool {
        !(value ?? "").isEmpty
    }

    private static func setUpColors(_ mode: ColorMode, theme: Theme) -> Palette {
        guard mode == .automatic, !theme.isMonochrome, has_colors(), start_color() == OK, use_default_colors() == OK else {
            return Palette(theme: theme, color: false, colorCount: 0)
        }
        let palette = Palette(theme: theme, color: true, colorCount: Int(gz_colors()), trueColor: trueColorRequested())
        for pair in palette.pairs {
            let registered = pair.foreground < gz_colors() && pair.background < gz_colors()
                && init_extended_pair(Int32(pair.number), pair.foreground, pair.background) == OK
            // A colour the terminal lacks: fall back to attributes for everything, consistently.
            if !registered { return Palette(color: false, colorCount: 0) }
        }
        return palette
    }

    /// The screen size in cells.
    public var size: (width: Int, height: Int) {
        (Int(gz_getmaxx(window)), Int(gz_getmaxy(window)))
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a key; nil on timeout, ignored keys or closed input.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard !stopped, !isInputClosed else { return nil }
        wtimeout(window, timeoutMilliseconds)
        if let key = readOne() { return key }
        // ERR means timeout, EINTR or EOF. A timeout leaves nothing readable; EOF (or a hung-up
        // tty) stays readable. A key arriving right after the timeout is readable too, so try once
        // more without waiting before calling the input closed.
        guard !lastReadInterrupted, inputIsReadable() else { return nil }
        wtimeout(window, 0)
        if let key = readOne() { return key }
        if !lastReadInterrupted, !lastReadGotCode, inputIsReadable(), endOfInputAfterStrayByte() { isInputClosed = true }
        return nil
    }

    /// Blocks until a key may be readable or `descriptor` (a run loop's wake-up pipe) is; true
    /// when woken by the descriptor. Call after `readKey(timeoutMilliseconds: 0)` found nothing,
    /// so no key is left waiting in curses' own buffer. A signal (a resize) also returns.
    public func waitForInput(orWake descriptor: Int32, timeoutMilliseconds: Int32 = -1) -> Bool {
        guard !stopped, !isInputClosed else { return false }
        var fds = [pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 2, timeoutMilliseconds) > 0 else { return false }
        return fds[1].revents != 0
    }

    /// Called when ncurses returns no key although the input is readable: either the input
    /// ended, or a byte ncurses cannot decode sits there (a non-UTF-8 byte). Reads one byte
    /// itself: none means the end (true); a byte is dropped, so keys keep coming (false).
    private func endOfInputAfterStrayByte() -> Bool {
        var byte: UInt8 = 0
        let count = read(fileno(inputFile), &byte, 1)
        if count == 1 { return false }
        return count == 0 || (gz_errno() != EAGAIN && gz_errno() != EINTR)
    }

    private var lastReadInterrupted = false
    private var lastReadGotCode = false

    private func readOne() -> Key? {
        gz_set_errno(0)
        let code = wgetch(window)
        lastReadInterrupted = code == ERR && gz_errno() == EINTR
        lastReadGotCode = code != ERR
        guard code != ERR else { return nil }
        if code == KEY_MOUSE {
            // terminfo's kmous is `\E[<` (xterm-256color): ncurses ate the prefix, the report follows.
            return KeyDecoder.readSGRMouseParameters(next: nextByte).event.map(Key.mouse)
        }
        if code >= KEY_MIN { return KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) { size } }
        if code == 0x1b {
            let (event, consumed) = KeyDecoder.readSGRMouse(afterEscape: nextByte)
            if let event { return .mouse(event) }
            // Not a report: Escape, and the bytes read after it come back as keys.
            for byte in consumed.reversed() { ungetch(byte) }
            return .escape
        }
        // Continuation bytes arrive with their lead byte; a short wait covers a slow link.
        let (scalar, pushBack) = KeyDecoder.assembleUTF8(lead: UInt8(truncatingIfNeeded: code)) {
            wtimeout(window, 50)
            let next = wgetch(window)
            return next == ERR ? nil : next
        }
        if let pushBack { ungetch(pushBack) }
        guard let scalar else { return nil }
        return KeyDecoder.decode(status: OK, code: scalar) { size }
    }

    /// The next byte of a sequence already on its way (a report arrives in one write; a short wait covers tmux).
    private func nextByte() -> Int32? {
        wtimeout(window, 10)
        let next = wgetch(window)
        return next == ERR ? nil : next
    }

    private func inputIsReadable() -> Bool {
        var descriptor = pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Ctrl-Z: leaves curses mode, stops the process, and repaints when continued (`fg`).
    public func suspend() {
        whileSuspended { gz_stop_process() }
    }

    /// Leaves curses mode (the shell's screen and modes back, mouse reporting off), runs `body`,
    /// then takes the screen again and repaints: Ctrl-Z, and commands that use the terminal.
    public func whileSuspended<R>(_ body: () -> R) -> R? {
        guard !stopped else { return nil }
        let mouse = mouseReporting
        setMouseReporting(false)
        if ownsSignals { gz_set_curses_active(0) }
        endwin()
        let result = body()
        if ownsSignals { gz_set_curses_active(1) }
        // doupdate after endwin restores program mode (raw, keypad, hidden cursor).
        redrawAll()
        setMouseReporting(mouse)
        return result
    }

    /// Whether the terminal is asked to report clicks, drags and the wheel (SGR 1006).
    public private(set) var mouseReporting = false

    /// Turns mouse reporting on or off (1000: clicks, 1002: drags, 1006: SGR coordinates).
    ///
    /// The signal handlers turn it off too, so a killed Gazette leaves the shell as it found it.
    public func setMouseReporting(_ on: Bool) {
        guard !stopped, on != mouseReporting else { return }
        mouseReporting = on
        write(on ? TerminalSequences.mouseOn : TerminalSequences.mouseOff)
        if ownsSignals { gz_signal_set_mouse_fd(on ? fileno(outputFile) : -1) }
    }

    /// Sets the clipboard to `text` with OSC 52 (works over SSH; in tmux, see `TerminalSequences`).
    public func copyToClipboard(_ text: String) {
        guard !stopped else { return }
        write(TerminalSequences.clipboard(text, inTmux: getenv("TMUX") != nil))
    }

    /// Bytes straight to the terminal, after whatever curses has buffered.
    private func write(_ bytes: [UInt8]) {
        fflush(outputFile)
        let descriptor = fileno(outputFile)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && gz_errno() == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Leaves curses mode and restores the signal handlers; safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        setMouseReporting(false)
        stopped = true
        set_term(screen)
        if ownsSignals {
            gz_set_curses_active(0)
            gz_restore_signal_handlers()
        }
        endwin()
        delscreen(screen)
        if ownsFiles {
            fclose(inputFile)
            fclose(outputFile)
        } else {
            fflush(outputFile)
        }
    }

    var isStopped: Bool { stopped }
}
