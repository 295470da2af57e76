import Foundation
import Testing

/// Live reload under tmux: files added or deleted while the browser runs come in within a second,
/// keeping the selection and the reader's place.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
final class LiveReloadTests {
    let fixture: BrowseFixture
    var articles: URL { fixture.root.appendingPathComponent("articles") }

    init() throws {
        fixture = try BrowseFixture()
        // A long article, newest, so it is selected first and its reader can scroll.
        let body = (1...60).map { "Paragraph \($0) of the long harbour report, with enough words to fill a line or two of the reader pane." }
        try BrowseFixture.canonical(title: "Long harbour report", date: "June 1, 2025", author: "Coast desk", category: "Local",
                                    tags: "Harbour", body: body)
            .write(to: articles.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
    }

    deinit { fixture.remove() }

    /// Starts the browser and waits for a first frame showing one of `counts` (a start from the
    /// snapshot may already have brought in a change by the first capture).
    func launch(counts: [String] = ["6 of 6 articles"]) async throws -> TmuxSession {
        let command = "\(TmuxSession.shellQuote(BrowseFixture.binary)) --data \(TmuxSession.shellQuote(fixture.root.path))"
        let session = try TmuxSession(command: "sh -c \(TmuxSession.shellQuote(command))", width: 120, height: 40,
                                      environment: ["LANG": "C.UTF-8", "TZ": "UTC",
                                                    "XDG_CACHE_HOME": fixture.root.appendingPathComponent(".cache").path],
                                      directory: fixture.root.path)
        let shown = await session.waitUntil(timeout: .seconds(30)) { lines in
            lines.contains { line in counts.contains { line.contains($0) } }
        }
        let screen = try session.capture().joined(separator: "\n")
        #expect(shown, "no first frame:\n\(screen)")
        return session
    }

    /// The reader pane's visible paragraph lines (right of the sidebar), to compare positions.
    func readerText(_ session: TmuxSession) throws -> [String] {
        try session.capture().filter { $0.contains("Paragraph") }.map { String($0.split(separator: "│").last ?? "") }
    }

    /// The reader text once the keys sent have all been handled (two captures agree).
    func settledReaderText(_ session: TmuxSession) async throws -> [String] {
        var last = try readerText(session)
        for _ in 0..<20 {
            try await Task.sleep(for: .milliseconds(300))
            let now = try readerText(session)
            if now == last { return now }
            last = now
        }
        return last
    }

    @Test func anAddedFileAppearsWithinASecondKeepingSelectionAndReaderPosition() async throws {
        let session = try await launch()
        // Focus the reader and scroll it down.
        try session.sendKeys("l")
        for _ in 0..<8 { try session.sendKeys("j") }
        let scrolled = await session.waitUntil(timeout: .seconds(30)) { lines in !lines.contains { $0.contains("Paragraph 1 of") } }
        let scrolledScreen = try session.capture().joined(separator: "\n")
        #expect(scrolled, "the reader did not scroll:\n\(scrolledScreen)")
        let before = try await settledReaderText(session)
        #expect(!before.isEmpty)

        let started = ContinuousClock.now
        try BrowseFixture.canonical(title: "Zeppelin sighted over the harbour", date: "May 1, 2025", author: "Coast desk",
                                    category: "Local", tags: "Harbour", body: ["A zeppelin hung over the harbour at noon."])
            .write(to: articles.appendingPathComponent("zeppelin.txt"), atomically: true, encoding: .utf8)
        let appeared = await session.waitUntil(timeout: .seconds(30)) { lines in
            lines.contains { $0.contains("7 of 7 articles") && $0.contains("1 new article") }
        }
        let elapsed = ContinuousClock.now - started
        let screen = try session.capture()
        #expect(appeared, "no reload:\n\(screen.joined(separator: "\n"))")
        // Well within a second on an idle machine (a 120 ms settle, then a refresh of one file).
        // The bound is loose on purpose: on 2 cores a full parallel `swift test` can keep this
        // test's own task off the CPU for seconds (blocking tests hold the cooperative pool), and
        // that time is counted here too. What it proves is that no key was needed.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(screen.contains { $0.contains("Zeppelin sighted over the harbour") })
        let after = try readerText(session)
        #expect(after == before, "the reader moved")
    }

    @Test func deletingTheSelectedArticlesFileSelectsANeighbour() async throws {
        let session = try await launch()
        let first = try session.capture()
        #expect(first.contains { $0.contains("Paragraph 1 of the long harbour report") })
        try FileManager.default.removeItem(at: articles.appendingPathComponent("long.txt"))
        let reloaded = await session.waitUntil(timeout: .seconds(30)) { lines in
            lines.contains { $0.contains("5 of 5 articles") && $0.contains("1 article removed") }
        }
        let screen = try session.capture()
        #expect(reloaded, "no reload:\n\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.contains("Long harbour report") })
        // The neighbour (now first) is shown in the reader, and the browser still takes keys.
        #expect(screen.contains { $0.contains("THE HARBOUR stopped work") || $0.contains("PILOTS AT THE HARBOUR") })
        try session.sendKeys("j")
        let moved = await session.waitFor(text: "forty years the keeper", timeout: .seconds(30))
        let movedScreen = try session.capture().joined(separator: "\n")
        #expect(moved, "no key handled after the reload:\n\(movedScreen)")
    }

    @Test func aSecondStartShowsTheSnapshotThenBringsInWhatChanged() async throws {
        let first = try await launch()
        try first.sendKeys("q")
        // The snapshot is written in the background: wait for it before starting again.
        let cache = fixture.root.appendingPathComponent(".cache/gazette").path
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline,
              ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter({ $0.hasSuffix(".gzsnap") }).isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        first.kill()
        // Changed while Gazette was not running.
        try BrowseFixture.canonical(title: "Zeppelin sighted over the harbour", date: "May 1, 2025", author: "Coast desk",
                                    category: "Local", tags: "Harbour", body: ["A zeppelin hung over the harbour at noon."])
            .write(to: articles.appendingPathComponent("zeppelin.txt"), atomically: true, encoding: .utf8)
        let second = try await launch(counts: ["6 of 6 articles", "7 of 7 articles"])
        let updated = await second.waitFor(text: "7 of 7 articles", timeout: .seconds(30))
        let screen = try second.capture().joined(separator: "\n")
        #expect(updated, "the change did not come in:\n\(screen)")
        #expect(screen.contains("1 new article"))
    }

    /// The browser's process id (the pane runs `sh -c`, which may or may not exec it).
    func appPID(_ session: TmuxSession) throws -> pid_t? {
        let pane = try session.run(["display-message", "-p", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let shell = pid_t(pane) else { return nil }
        func command(_ pid: pid_t) -> String { (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "" }
        if command(shell).hasPrefix("gazette") { return shell }
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap { pid_t($0) }.first { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == shell && command(pid).hasPrefix("gazette")
        }
    }

    /// A first start holds what it read in memory; once its snapshot is written it moves onto the
    /// snapshot (mapped, its pages the system's to drop), quietly, the reader where it was.
    @Test func aFirstStartMovesOntoTheSnapshotItWroteKeepingItsPlace() async throws {
        let session = try await launch()
        try session.sendKeys("l")
        for _ in 0..<8 { try session.sendKeys("j") }
        let scrolled = await session.waitUntil(timeout: .seconds(30)) { lines in !lines.contains { $0.contains("Paragraph 1 of") } }
        #expect(scrolled)
        let before = try await settledReaderText(session)
        #expect(!before.isEmpty)
        let pid = try #require(try appPID(session))
        let cache = fixture.root.appendingPathComponent(".cache/gazette/").path
        // Read to the end (a /proc file has no size to go by).
        func maps() -> [Substring] {
            let data = FileHandle(forReadingAtPath: "/proc/\(pid)/maps")?.readDataToEndOfFile() ?? Data()
            return String(decoding: data, as: UTF8.self).split(separator: "\n")
        }
        func mapsTheSnapshot() -> Bool { maps().contains { $0.contains(cache) && $0.hasSuffix(".gzsnap") } }
        let deadline = ContinuousClock.now + .seconds(30)
        while !mapsTheSnapshot(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(mapsTheSnapshot(), "the browser never opened the snapshot it wrote: pid \(pid), \(maps().count) mappings")
        // Still mapped a while later: the browser took the store (the load that opened it is gone).
        try await Task.sleep(for: .seconds(1))
        #expect(mapsTheSnapshot(), "the snapshot was opened but not taken")
        #expect(try await settledReaderText(session) == before, "the reader moved")
        let screen = try session.capture()
        #expect(screen.contains { $0.contains("6 of 6 articles") })
        #expect(!screen.contains { $0.contains("new article") || $0.contains("removed") || $0.contains("changed") }, "\(screen)")
        // And it answers keys from the new store.
        try session.sendKeys("j")
        let moved = await session.waitUntil(timeout: .seconds(30)) { _ in (try? self.readerText(session)) != before }
        #expect(moved)
    }

    @Test func capitalRReloadsByHand() async throws {
        let session = try await launch()
        try session.sendKeys("R")
        let said = await session.waitFor(text: "No changes in the data directories", timeout: .seconds(30))
        let screen = try session.capture().joined(separator: "\n")
        #expect(said, "\(screen)")
    }
}
