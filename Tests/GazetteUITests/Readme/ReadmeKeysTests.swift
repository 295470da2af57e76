import GazetteCore
import Testing
@testable import GazetteUI

/// README.md's keys table checked against the real key map and reducer, both ways: every key a
/// row names is bound where the row says and does something a user would see; every key the map
/// binds is in the table. A row added with its binding passes; a row without one fails, and so
/// does a binding nobody documented.
///
/// Where a row applies: a description made of `list: …; sidebar: …` parts names its contexts
/// (any `KeyContext` raw value: sidebar, list, reader, prompt); a description without such a
/// prefix means every pane; one that mentions the help or warnings overlay adds that overlay.
@Suite struct ReadmeKeysTests {
    static func table() throws -> ReadmeTable {
        try #require(try ReadmeTable(after: "### Keys"), "README.md has no table after '### Keys'")
    }

    /// Every key a README token could name, by its display name (`Ctrl-d`, `PgDn`, `Space`, `x`).
    static let keysByName: [String: Key] = {
        var keys: [Key] = [.enter, .tab, .backTab, .escape, .backspace, .delete,
                           .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        keys += (1...12).map { Key.function($0) }
        keys += (0x20...0x7E).map { Key.character(Character(UnicodeScalar(UInt8($0)))) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        for (_, bindings) in KeyMap.standard.bindings {
            for binding in bindings { if case .key(let key) = binding.pattern { keys.append(key) } }
        }
        return Dictionary(keys.map { ($0.displayName, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The key a README code span names; `Ctrl-C` and `Ctrl-c` are the same key.
    static func key(named token: String) -> Key? {
        if token.hasPrefix("Ctrl-"), token.count == 6 { return keysByName["Ctrl-" + token.suffix(1).lowercased()] }
        return keysByName[token]
    }

    /// The contexts a row's description says it applies in.
    static func contexts(of description: String) -> [KeyContext] {
        let named = description.split(separator: ";").compactMap { part -> KeyContext? in
            let head = part.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" && $0 != " " }
            guard part.contains(":"), let context = KeyContext(rawValue: String(head)), !context.isModal || context == .prompt else { return nil }
            return part.trimmingCharacters(in: .whitespaces).hasPrefix(head + ":") ? context : nil
        }
        var contexts = named.isEmpty ? [KeyContext.sidebar, .list, .reader] : named
        if description.contains("overlay") {
            contexts += [KeyContext.help, .warnings].filter { description.contains($0.rawValue) }
        }
        return contexts
    }

    /// Articles with everything a key might act on — many paragraphs, extra headers, a link, a
    /// reply with its references, quotes and a signature, a dump post with related excerpts — read
    /// by the real parser, so whatever it extracts is there for keys added later (headers,
    /// threads, marks).
    static let store: ArticleStore = {
        let paragraphs = (1...30).map { "The harbour was quiet when the cars met, paragraph \($0), and it goes on long enough to wrap." }
        let files = [
            ("first.txt", """
                Subject: Bridge exchange at dawn
                From: Ann Lee <ann@example.org>
                Date: Thu, 10 Feb 2022 06:30:00 +0000
                Message-ID: <bridge-1@example.org>
                Newsgroups: news.cold-war, alt.exchanges
                Organization: Coast desk
                Keywords: CIA, KGB
                Categories: Cold War
                Link: https://example.org/bridge

                \(paragraphs.joined(separator: "\n\n"))

                --\u{20}
                Ann Lee, coast desk
                """),
            ("reply.txt", """
                Subject: Re: Bridge exchange at dawn
                From: Bo Chen <bo@example.org>
                Date: Fri, 11 Feb 2022 09:00:00 +0000
                Message-ID: <bridge-2@example.org>
                In-Reply-To: <bridge-1@example.org>
                References: <bridge-1@example.org>
                Keywords: CIA, Russia
                Categories: Cold War

                Ann Lee wrote:
                > The harbour was quiet when the cars met.
                > Nobody spoke.

                It was not quiet on our side of the harbour.
                """),
            ("dump.txt", """
                Codebreakers of the long war
                June 1, 2020 by Cy Diaz 2 Comments
                THE HARBOUR OFFICE held the machines for years.
                Valves glowed all night.
                ► Author: Cy Diaz | Date: 1 June 2020 | Permalink
                A related story about valves and harbours.
                Filed under Codebreaking Tagged with GCHQ, Malware



                Hackers in the grid
                March 3, 2019 Leave a comment
                POWER FAILED in the valley.
                ► Author: Cy Diaz | Date: 3 March 2019 | Permalink
                Filed under Cyber Tagged with Russia, Malware
                """),
            ("undated.txt", "Title: A letter without a date\nTags: Letters\n\nDear editor, the ferry is late again.\n"),
        ]
        let articles = files.flatMap { ArticleFileParser.parse(bytes: Array($0.1.utf8), path: $0.0).articles }
        return ArticleStore(articles: articles)
    }()

    static let warningsReport: LoadReport = {
        var report = LoadReport()
        report.warnings = (1...60).map { LoadWarning(path: "Data/bad.txt", line: $0, reason: "no title") }
        return report
    }()

    /// States to press a key in for `context`: fresh, moved into the middle of everything, and
    /// with a query that has hits, so keys that do nothing at an edge still get their chance.
    static func states(for context: KeyContext) -> [AppState] {
        func fresh(width: Int = 120, height: Int = 40) -> AppState {
            AppState(store: store, report: warningsReport, width: width, height: height)
        }
        func middle(_ start: AppState, focus: Pane) -> AppState {
            var state = start
            for (pane, steps) in [(Pane.list, 2), (.reader, 3), (.sidebar, 2)] {
                state.options.focus = pane
                state.syncLayout()
                for _ in 0..<steps { _ = reduce(&state, .moveDown) }
            }
            state.options.focus = focus
            state.syncLayout()
            return state
        }
        func focused(_ start: AppState, _ pane: Pane) -> AppState {
            var state = start
            state.options.focus = pane
            state.syncLayout()
            return state
        }
        var queried = fresh()
        _ = reduce(&queried, .startQuery)
        AppFixture.type("harbour", into: &queried)
        _ = reduce(&queried, .promptSubmit)
        switch context {
        case .sidebar, .list, .reader:
            let pane: Pane = context == .sidebar ? .sidebar : context == .list ? .list : .reader
            return [focused(fresh(), pane), middle(fresh(), focus: pane), middle(queried, focus: pane)]
        case .prompt:
            var state = queried
            _ = reduce(&state, .startQuery)
            return [state]
        case .help, .warnings:
            var state = fresh(width: 100, height: 14)
            _ = reduce(&state, context == .help ? .toggleHelp : .toggleWarnings)
            for _ in 0..<3 { _ = reduce(&state, .moveDown) }
            return [state]
        case .global:
            return []
        }
    }

    /// True when pressing `key` changes the screen or asks the run loop for something.
    static func pressingChangesSomething(_ key: Key, in state: AppState) -> Bool {
        guard let action = KeyMap.standard.action(for: key, in: state.keyContext) else { return false }
        var after = state
        let effects = reduce(&after, action)
        return !effects.isEmpty || render(after) != render(state)
    }

    @Test func everyRowNamesKeysThatAreBoundAndDoSomething() throws {
        let table = try Self.table()
        for row in table.rows {
            let tokens = codeSpans(row.cells.first ?? "")
            let description = row.cells.count > 1 ? row.cells[1] : ""
            #expect(!tokens.isEmpty, "\(row): no key in the first column")
            let contexts = Self.contexts(of: description)
            for token in tokens {
                guard let key = Self.key(named: token) else {
                    Issue.record("\(row): `\(token)` is not a key name (write keys as the help overlay shows them: j, ↓, Ctrl-d, PgDn, Space)")
                    continue
                }
                var changed = false
                var bound = false
                for context in contexts {
                    let states = Self.states(for: context)
                    #expect(!states.isEmpty, "\(row): no test state for the \(context.rawValue) context; add one to ReadmeKeysTests.states(for:)")
                    guard KeyMap.standard.action(for: key, in: context) != nil else {
                        let rule = " (a row with no `list:`/`reader:`/`sidebar:`/`prompt:` part applies to every pane)"
                        Issue.record("\(row): `\(token)` is not bound in the \(context.rawValue) context, which the row covers\(rule)")
                        continue
                    }
                    bound = true
                    if states.contains(where: { Self.pressingChangesSomething(key, in: $0) }) { changed = true }
                }
                if bound && !changed {
                    Issue.record("\(row): `\(token)` is bound but pressing it changes nothing on screen and asks for no effect in \(contexts.map(\.rawValue))")
                }
            }
        }
    }

    @Test func everyBoundKeyIsInTheTable() throws {
        let table = try Self.table()
        let documented = Set(table.rows.flatMap { $0.cells.flatMap(codeSpans) }.compactMap(Self.key(named:)))
        for context in KeyContext.allCases {
            for binding in KeyMap.standard.bindings[context] ?? [] {
                guard case .key(let key) = binding.pattern else { continue }
                if !documented.contains(key) {
                    Issue.record("KeyMap binds `\(key.displayName)` in the \(context.rawValue) context (\(binding.description)) but README.md's keys table never names it")
                }
            }
        }
    }

    @Test func theTestStoreHasWhatKeysActOn() {
        #expect(Self.store.count == 5)
        #expect(Self.store.articles.contains { $0.paragraphCount >= 30 }, "a long article to scroll")
        #expect(Self.store.articles.contains { !$0.related.isEmpty })
    }

    @Test func theRowRulesReadTheTableAsMeant() throws {
        #expect(Self.contexts(of: "list: open the article in the reader; sidebar: include the tag") == [.list, .sidebar])
        #expect(Self.contexts(of: "first / last (also in the help and warnings overlays)") == [.sidebar, .list, .reader, .help, .warnings])
        #expect(Self.contexts(of: "help: every key, by pane") == [.sidebar, .list, .reader])
        #expect(Self.key(named: "Ctrl-C") == .control("c"))
        #expect(Self.key(named: "PgDn") == .pageDown)
        #expect(Self.key(named: "Space") == .character(" "))
        #expect(Self.key(named: "path:line: reason") == nil)
        // A key bound nowhere is caught by the row check: nothing resolves it.
        #expect(KeyMap.standard.action(for: .function(7), in: .list) == nil)
        #expect(try Self.table().rows.count >= 20)
    }
}
