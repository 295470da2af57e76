import Testing
@testable import GazetteConfig

/// Finding the line of a key, which TOMLKit does not report after parsing.
@Suite struct KeyLocatorTests {
    @Test func tablesQuotedAndDottedKeys() {
        let locator = KeyLocator("""
            mouse = true
            [keys]
            "?" = "help"   # a comment
            'C-x' = "quit"
              j = "move-down"
            [keys . list]
            "Space" = "open"
            theme.accent = "red"
            [[not.an.array]]
            """)
        #expect(locator.line(of: ["mouse"]) == 1)
        #expect(locator.line(of: ["keys"]) == 2)
        #expect(locator.line(of: ["keys", "?"]) == 3)
        #expect(locator.line(of: ["keys", "C-x"]) == 4)
        #expect(locator.line(of: ["keys", "j"]) == 5)
        #expect(locator.line(of: ["keys", "list", "Space"]) == 7)
        #expect(locator.line(of: ["keys", "list", "theme", "accent"]) == 8)
        #expect(locator.line(of: ["keys", "list", "nowhere"]) == 6, "a key not found: its table's line")
        #expect(locator.line(of: ["absent"]) == nil)
    }

    @Test func linesInsideMultilineStringsAreNotKeys() {
        let locator = KeyLocator("""
            [pipe]
            long = \"\"\"
            fake = "not a key"
            \"\"\"
            short = "wc"
            """)
        #expect(locator.line(of: ["pipe", "fake"]) == 1, "only the table's line: the text is a value")
        #expect(locator.line(of: ["pipe", "short"]) == 5)
    }
}

/// Whatever a config file holds, reading it ends in settings or a message, never a crash.
@Suite struct HostileConfigTests {
    @Test(arguments: [
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "a = [" + String(repeating: "[", count: 2_000), "= 1", "[keys]\n\"\u{1B}[2J\" = \"quit\"",
        "[keys]\nj = \"\u{0}\"", "x = 99999999999999999999999999", "[theme]\naccent = \"#zzzzzz\"", "[views]\n\"\" = \"\"",
        String(repeating: "k = 1\n", count: 3), "[layout]\nsidebar-width = -5", "\u{FEFF}mouse = false",
        // Headers toml++ asserts on instead of reporting (found by mutating config files).
        "[[#9", "[#]]9", "[[: true", "[[+ #2-_", "[\n.]]", "[ =]", "x = 1\n  [[[[a]]",
    ])
    func endsInSettingsOrAMessage(_ text: String) {
        do {
            _ = try ConfigFile.parse(text, path: "hostile.toml")
        } catch {
            #expect(error.description.hasPrefix("hostile.toml"), "\(error)")
            #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B }, "no escape reaches the terminal")
        }
    }
}

/// The preflight for what toml++ would assert on, and only that.
@Suite struct TOMLPreflightTests {
    @Test func headersMustStartWithAName() {
        #expect(TOMLPreflight.problem(in: "mouse = true\n\n[[#x]]\n")?.line == 3)
        #expect(TOMLPreflight.problem(in: "[ +keys]")?.reason == "a table header must start with a name, as in [keys] or [keys.list]")
    }

    @Test func valuesStringsAndCommentsWithBracketsAreFine() {
        for text in ["[keys]\n\"[\" = \"previous-article\"\n", "[layout]\nfacets = [\n  \"tag\", # [not a header\n  \"year\",\n]\n",
                     "a = [[1, 2], [3]]\n[ \"quoted.name\" ]\n", "s = \"\"\"\n[[#not a header\n\"\"\"\n", "[]"] {
            #expect(TOMLPreflight.problem(in: text) == nil, "\(text)")
        }
    }
}
