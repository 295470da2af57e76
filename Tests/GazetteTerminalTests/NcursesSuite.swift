import Testing

/// Parent of every suite that creates an ncurses screen.
///
/// ncurses keeps one current screen per process, so these tests must never run in parallel;
/// `.serialized` on the parent applies to all nested suites.
@Suite("ncurses (serialized)", .serialized)
struct NcursesSuite {}
