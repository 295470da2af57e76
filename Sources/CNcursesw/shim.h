#ifndef GAZETTE_CNCURSESW_SHIM_H
#define GAZETTE_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; the wide API needs these before curses.h.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// ---- Macros and globals Swift cannot import (or sees as unsafe mutable globals). ----

static inline WINDOW *gz_stdscr(void) { return stdscr; }
static inline WINDOW *gz_curscr(void) { return curscr; }
static inline int gz_lines(void) { return LINES; }
static inline int gz_cols(void) { return COLS; }
static inline int gz_colors(void) { return COLORS; }
static inline int gz_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int gz_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline FILE *gz_stdin(void) { return stdin; }
static inline FILE *gz_stdout(void) { return stdout; }

static inline attr_t gz_a_normal(void) { return A_NORMAL; }
static inline attr_t gz_a_bold(void) { return A_BOLD; }
static inline attr_t gz_a_reverse(void) { return A_REVERSE; }
static inline attr_t gz_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gz_a_dim(void) { return A_DIM; }
static inline attr_t gz_a_attributes(void) { return A_ATTRIBUTES; }
static inline attr_t gz_a_color(void) { return A_COLOR; }
static inline attr_t gz_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int gz_pair_number(attr_t a) { return PAIR_NUMBER(a); }

static inline int gz_key_f(int n) { return KEY_F(n); }
static inline int gz_key_f0(void) { return KEY_F0; }

static inline int gz_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int gz_errno(void) { return errno; }
static inline void gz_set_errno(int value) { errno = value; }

// ---- Signal handlers that restore the terminal. ----
// Written in C because a handler must be async-signal-safe: Swift code may allocate or take
// runtime locks. endwin() itself is not formally safe, but it is what every curses program does
// and the alternative (leaving the tty raw in the alternate screen) is worse.

// Storage lives in function-local statics: Swift's importer emits inline functions it uses
// (and what they reference) but not file-scope variables of a header.
// CAUTION: each Swift file that calls these gets its own copy of `state` in a debug build (one
// object file per Swift file). Call every gz_signal_* function from TerminalScreen.swift only,
// or installing and clearing the handlers would touch different copies.
typedef struct {
    volatile sig_atomic_t curses_active;
    // 1 + the descriptor mouse reporting was turned on for; 0 when it is off.
    volatile sig_atomic_t mouse_fd_plus_one;
    int saved_valid[32];
    struct sigaction saved_actions[32];
} gz_signal_state_t;

static inline gz_signal_state_t *gz_signal_state(void) {
    static gz_signal_state_t state;
    return &state;
}


// Turns off every mouse mode Gazette may have turned on (1000, 1002, 1006), so a killed
// Gazette never leaves the shell receiving mouse reports.
#define GZ_MOUSE_OFF "\033[?1006l\033[?1002l\033[?1000l"

static inline void gz_mouse_off_now(void) {
    int fd = gz_signal_state()->mouse_fd_plus_one - 1;
    if (fd >= 0) {
        ssize_t ignored = write(fd, GZ_MOUSE_OFF, sizeof GZ_MOUSE_OFF - 1);
        (void)ignored;
        gz_signal_state()->mouse_fd_plus_one = 0;
    }
}

/// Records (fd >= 0) or forgets (-1) the terminal mouse reporting is on for.
static inline void gz_signal_set_mouse_fd(int fd) { gz_signal_state()->mouse_fd_plus_one = fd + 1; }

static void gz_on_terminating_signal(int sig) {
    gz_mouse_off_now();
    if (gz_signal_state()->curses_active) {
        gz_signal_state()->curses_active = 0;
        endwin();
    }
    _exit(128 + sig);
}

static void gz_on_fatal_signal(int sig) {
    // SA_RESETHAND already restored the default action; SA_NODEFER lets the re-raise land now.
    gz_mouse_off_now();
    if (gz_signal_state()->curses_active) {
        gz_signal_state()->curses_active = 0;
        endwin();
    }
    raise(sig);
}

static inline void gz_install_one(int sig, void (*handler)(int), int flags) {
    struct sigaction action;
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    if (sig < 32 && sigaction(sig, &action, &gz_signal_state()->saved_actions[sig]) == 0)
        gz_signal_state()->saved_valid[sig] = 1;
}

/// Installs the terminal-restoring handlers; call right after newterm (ncurses keeps SIGWINCH/SIGTSTP).
static inline void gz_install_signal_handlers(void) {
    static const int terminating[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
    static const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof terminating / sizeof(int); i++)
        gz_install_one(terminating[i], gz_on_terminating_signal, 0);
    for (unsigned i = 0; i < sizeof fatal / sizeof(int); i++)
        gz_install_one(fatal[i], gz_on_fatal_signal, SA_RESETHAND | SA_NODEFER);
}

/// Puts back whatever handlers were in place before gz_install_signal_handlers.
static inline void gz_restore_signal_handlers(void) {
    for (int sig = 0; sig < 32; sig++) {
        if (gz_signal_state()->saved_valid[sig]) {
            sigaction(sig, &gz_signal_state()->saved_actions[sig], NULL);
            gz_signal_state()->saved_valid[sig] = 0;
        }
    }
}

/// Whether the current terminal can address the cursor (`cup`): a `dumb` terminal cannot.
static inline int gz_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Makes LC_CTYPE a UTF-8 locale when the environment's is not (LC_ALL=C, POSIX): ncursesw
/// decodes keys and draws wide text by LC_CTYPE, and the terminal sends UTF-8 all the same.
/// Returns 1 when the locale is (now) UTF-8.
static inline int gz_ensure_utf8_ctype(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    static const char *candidates[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };
    for (unsigned i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        if (setlocale(LC_CTYPE, candidates[i])) return 1;
    return 0;
}

static inline void gz_set_curses_active(int active) { gz_signal_state()->curses_active = active; }

/// Stops the process with SIGTSTP's default action (bypassing ncurses' own handler) and returns on SIGCONT.
static inline void gz_stop_process(void) {
    struct sigaction dfl, old;
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    dfl.sa_flags = 0;
    sigaction(SIGTSTP, &dfl, &old);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &old, NULL);
}

#endif
