import GazetteCore
import Testing
@testable import GazetteConfig
@testable import GazetteUI

/// Reading config files: every section, and every problem said as `path:line: key: reason`.
@Suite struct ConfigParsingTests {
    static func parse(_ text: String) throws -> LoadedConfig {
        try ConfigFile.parse(text, path: "/home/ann/.config/gazette/config.toml")
    }

    static func problem(_ text: String) -> String? {
        do {
            _ = try ConfigFile.parse(text, path: "/home/ann/.config/gazette/config.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        let loaded = try Self.parse("")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.settings.theme == .default)
        #expect(loaded.settings.layout == LayoutSettings())
        #expect(loaded.settings.keyMap.action(for: .character("j"), in: .list) == .moveDown)
    }

    @Test func keysBindRebindAndUnbindPerPane() throws {
        let settings = try Self.parse("""
            # Vim users who want Space to page everywhere
            [keys]
            "J" = "next-article"
            "C-n" = "move-down"
            F5 = "reload"
            "x" = "toggle-star"

            [keys.list]
            "Space" = "open"
            "j" = "none"

            [keys.reader]
            "PgDn" = "page-down-or-next"

            [keys.sidebar]
            "x" = "exclude"
            """).settings
        let map = settings.keyMap
        #expect(map.action(for: .character("J"), in: .reader) == .nextArticle)
        #expect(map.action(for: .control("n"), in: .list) == .moveDown)
        #expect(map.action(for: .function(5), in: .list) == .reload)
        #expect(map.action(for: .character(" "), in: .list) == .openArticle)
        #expect(map.action(for: .character("j"), in: .list) == nil, "unbound in the list")
        #expect(map.action(for: .character("j"), in: .reader) == .moveDown, "still bound in the reader")
        #expect(map.action(for: .pageDown, in: .reader) == .pageDownOrNextArticle)
        #expect(map.action(for: .character("x"), in: .list) == .toggleStar, "[keys] applies in the panes")
        #expect(map.action(for: .character("x"), in: .sidebar) == .toggleExclude, "a pane's own section wins there")
    }

    @Test func aGlobalBindingReplacesThePanesMeaningOfTheKey() throws {
        let map = try Self.parse("[keys]\nj = \"next-article\"\n").settings.keyMap
        for context in [KeyContext.list, .reader, .sidebar] {
            #expect(map.action(for: .character("j"), in: context) == .nextArticle, "\(context)")
        }
    }

    @Test func themePicksABuiltInAndRolesOverrideIt() throws {
        let settings = try Self.parse("""
            [theme]
            name = "light"
            accent = "#5f87d7 bold"
            tag = 130
            status-bar = "white on blue"
            """).settings
        #expect(settings.theme.name == "light")
        #expect(settings.theme.looks[.accent] == RoleLook(.rgb(0x5F, 0x87, 0xD7), .bold))
        #expect(settings.theme.looks[.tag] == RoleLook(.index(130)))
        #expect(settings.theme.looks[.statusBar] == RoleLook(.index(7), background: .index(4)))
        #expect(settings.theme.looks[.quote1] == Theme.light.looks[.quote1])
        #expect(try Self.parse("theme = \"mono\"").settings.theme == .mono)
    }

    @Test func layoutViewsReaderOpenAndPipe() throws {
        let settings = try Self.parse("""
            mouse = false

            [layout]
            sidebar-width = 28
            reader-width = 72
            facets = ["year", "tag"]
            arrangement = "side-by-side"

            [views]
            "Long reads" = "tag:longread"
            Cartels = "cartel OR narco"
            Recent = "after:7d"

            [reader]
            headers = "all"
            show = ["X-Mailer"]
            hide = ["Organization"]

            [open]
            command = "firefox --new-tab"

            [pipe]
            wordcount = "wc -w"
            archive = "cat >> ~/kept.txt"
            """).settings
        #expect(!settings.mouse)
        #expect(settings.layout == LayoutSettings(sidebarWidth: 28, readerMeasure: 72, facets: [.year, .tag], arrangement: .sideBySide))
        #expect(settings.views.map(\.name) == ["Long reads", "Cartels", "Recent"], "in the file's order")
        #expect(settings.views[1].query == "cartel OR narco")
        #expect(settings.reader == ReaderSettings(showHeaders: ["X-Mailer"], hideHeaders: ["Organization"], allHeaders: true))
        #expect(settings.open.arguments(for: "https://example.org/a") == ["firefox", "--new-tab", "https://example.org/a"])
        #expect(settings.pipe.commands.map(\.name) == ["wordcount", "archive"])
        #expect(settings.pipe.command(named: "archive")?.command == "cat >> ~/kept.txt")
        let array = try Self.parse("[open]\ncommand = [\"chromium\", \"--app=%u\", \"%u\"]").settings.open
        #expect(array.arguments(for: "u") == ["chromium", "--app=%u", "u"])
    }

    @Test func unknownKeysAreWarningsWithTheirLine() throws {
        let loaded = try Self.parse("""
            colour = "yes"

            [layout]
            sidebar-width = 30
            sidebar-colour = "red"

            [theme]
            acent = "blue"

            [keys.pager]
            j = "move-down"
            """)
        #expect(loaded.warnings.map(\.description) == [
            "/home/ann/.config/gazette/config.toml:1: colour: unknown setting (ignored)",
            "/home/ann/.config/gazette/config.toml:5: layout.sidebar-colour: unknown setting (ignored)",
            "/home/ann/.config/gazette/config.toml:8: theme.acent: unknown colour role (ignored; roles: "
                + ColorRole.allCases.map(\.configName).joined(separator: ", ") + ")",
            "/home/ann/.config/gazette/config.toml:10: keys.pager: unknown key section (ignored; there are [keys.list], [keys.reader], [keys.sidebar])",
        ])
        #expect(loaded.settings.layout.sidebarWidth == 30, "the rest of the file still applies")
    }

    @Test func everyErrorNamesFileLineAndKey() {
        let path = "/home/ann/.config/gazette/config.toml"
        #expect(Self.problem("[keys]\n\"j\" = \"move-dwon\"\n")
            == "\(path):2: keys.j: 'move-dwon' is not an action (see gazette config --default for every name)")
        #expect(Self.problem("[keys.list]\n\n\"Ctrl-Alt-x\" = \"quit\"\n")?.hasPrefix("\(path):3: keys.list.Ctrl-Alt-x: 'Ctrl-Alt-x' is not a key") == true)
        #expect(Self.problem("[keys]\nq = 5\n") == "\(path):2: keys.q: must be a string")
        #expect(Self.problem("[theme]\nname = \"solarized\"\n")
            == "\(path):2: theme.name: no built-in theme 'solarized' (there are default, light, mono)")
        #expect(Self.problem("[theme]\n# quotes\nquote1 = \"blu\"\n")?.hasPrefix("\(path):3: theme.quote1: 'blu' is not a colour") == true)
        #expect(Self.problem("[theme]\naccent = \"red on blue on green\"\n") == "\(path):2: theme.accent: one background only ('on' comes twice)")
        #expect(Self.problem("[theme]\nheader = 300\n") == "\(path):2: theme.header: 300 is not a colour index (0–255)")
        #expect(Self.problem("[layout]\nsidebar-width = 3\n") == "\(path):2: layout.sidebar-width: must be a number of columns, 10–80")
        #expect(Self.problem("[layout]\nfacets = [\"tag\", \"colour\"]\n")
            == "\(path):2: layout.facets: 'colour' is not a facet (tag, category, author, year)")
        #expect(Self.problem("[layout]\narrangement = \"diagonal\"\n")
            == "\(path):2: layout.arrangement: 'diagonal' is not an arrangement (stacked, side-by-side)")
        #expect(Self.problem("[views]\nBroken = \"(cartel\"\n")?.hasPrefix("\(path):2: views.Broken: the query does not parse: column") == true)
        #expect(Self.problem("[reader]\nheaders = \"some\"\n") == "\(path):2: reader.headers: 'some' is not readable or all")
        #expect(Self.problem("[open]\ncommand = []\n") == "\(path):2: open.command: must name a program")
        #expect(Self.problem("[pipe]\nnothing = \"  \"\n") == "\(path):2: pipe.nothing: must be a shell command")
        #expect(Self.problem("mouse = \"no\"\n") == "\(path):1: mouse: must be true or false")
        #expect(Self.problem("keys = 3\n") == "\(path):1: keys: must be a table ([keys])")
    }

    @Test func aSyntaxErrorNamesItsLine() {
        let problem = Self.problem("[keys]\nj = \"move-down\"\nk = \"move-up\n")
        #expect(problem?.hasPrefix("/home/ann/.config/gazette/config.toml:3: ") == true, "\(problem ?? "")")
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ann"]) == "/cfg/gazette/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/home/ann"]) == "/home/ann/.config/gazette/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"]) == "/home/ann/.config/gazette/config.toml",
                "XDG says a relative path is ignored")
    }

    @Test func aMissingDefaultFileIsTheDefaultsButAMissingExplicitOneIsAnError() throws {
        let loaded = try ConfigFile.load(explicit: nil, environment: ["XDG_CONFIG_HOME": "/nonexistent-gazette-test"])
        #expect(loaded.path == nil && loaded.warnings.isEmpty)
        #expect(throws: ConfigProblem(path: "/nonexistent-gazette-test/x.toml", line: nil, key: nil, reason: "no such file")) {
            try ConfigFile.load(explicit: "/nonexistent-gazette-test/x.toml", environment: [:])
        }
    }
}
