import Foundation
import GazetteCore
import GazetteUI

/// `gazette config --default`: the default configuration as a commented file. Made from the
/// defaults themselves (the key map, the theme), so it cannot drift from what Gazette does;
/// a test reads it back and expects the defaults.
public enum DefaultConfig {
    /// The file's text.
    public static func text(_ settings: Settings = .defaults) -> String {
        var out: [String] = []
        out += [
            "# Gazette's configuration. Read from $XDG_CONFIG_HOME/gazette/config.toml",
            "# (~/.config/gazette/config.toml), or the file given with --config FILE.",
            "# This is the default configuration: uncomment and change what you like.",
            "",
            "# Mouse: click selects, double-click opens, the wheel scrolls.",
            "mouse = \(settings.mouse)",
            "",
            "# Keys: \"KEY\" = \"action\". A key is one character, C-x (Ctrl), F1–F24, or Enter, Space, Tab,",
            "# S-Tab, Esc, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn.",
            "# \"KEY\" = \"none\" unbinds a key. [keys] applies in every pane; [keys.list], [keys.reader] and",
            "# [keys.sidebar] apply in one pane and win there. Every action, also typed after `:`:",
        ]
        out += wrapped(Action.named.map(\.name), prefix: "#   ")
        for (section, context) in [("keys", KeyContext.global), ("keys.list", .list), ("keys.reader", .reader), ("keys.sidebar", .sidebar)] {
            out += ["", "[\(section)]"]
            for binding in settings.keyMap.bindings[context] ?? [] {
                guard case .key(let key) = binding.pattern, let name = binding.action.name else { continue }
                out.append("\(quoted(key.configName)) = \(quoted(name))")
            }
        }
        out += [
            "",
            "# Colours: a built-in theme (default, light, mono), then a look per role to override it:",
            "# a colour (black, red, green, yellow, blue, magenta, cyan, white, bright-NAME, grey,",
            "# 0–255, or #rrggbb: exact where COLORTERM=truecolor, else the nearest of 256), `on` and",
            "# a background, and bold, underline, reverse, dim. NO_COLOR turns colour off whatever is here.",
            "[theme]",
            "name = \(quoted(settings.theme.name))",
        ]
        for role in ColorRole.allCases {
            out.append("# \(role.configName) = \(quoted(LookSpec.text(settings.theme.looks[role] ?? RoleLook())))")
        }
        let layout = settings.layout
        out += [
            "",
            "[layout]",
            "# Columns for the sidebar (default: 22, or 24–30 on wide screens).",
            layout.sidebarWidth.map { "sidebar-width = \($0)" } ?? "# sidebar-width = 24",
            "# The reader never wraps text wider than this.",
            "reader-width = \(layout.readerMeasure)",
            "# The sidebar's facet sections, in order (leave one out to hide it).",
            "facets = [\(layout.facets.map { quoted($0.rawValue) }.joined(separator: ", "))]",
            "# stacked (list above the reader) or side-by-side; v switches.",
            "arrangement = \(quoted(layout.arrangement == .stacked ? "stacked" : "side-by-side"))",
            "",
            "# Views: name = query, shown in the sidebar's Views section with those saved with S.",
            "[views]",
        ]
        out += settings.views.isEmpty
            ? ["# \"Long reads\" = \"tag:longread\"", "# Recent = \"after:7d\""]
            : settings.views.map { "\(quoted($0.name)) = \(quoted($0.query))" }
        out += [
            "",
            "[reader]",
            "# readable (routing noise hidden; H shows all) or all.",
            "headers = \(quoted(settings.reader.allHeaders ? "all" : "readable"))",
            "# Headers always shown, and never shown (unless H), by name.",
            "show = [\(settings.reader.showHeaders.map(quoted).joined(separator: ", "))]",
            "hide = [\(settings.reader.hideHeaders.map(quoted).joined(separator: ", "))]",
            "",
            "# The browser for links (o): a program and its arguments; %u is the URL (else it is added",
            "# at the end). Default: $BROWSER, else xdg-open.",
            "[open]",
            settings.open.command.map { "command = [\($0.map(quoted).joined(separator: ", "))]" } ?? "# command = [\"firefox\", \"--new-tab\"]",
            "",
            "# Named shell commands to pipe an article to (|); offered in completion.",
            "[pipe]",
        ]
        out += settings.pipe.commands.isEmpty
            ? ["# wordcount = \"wc -w\"", "# mail = \"mail -s 'From Gazette' me@example.org\""]
            : settings.pipe.commands.map { "\(quoted($0.name)) = \(quoted($0.command))" }
        return out.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `words` joined with commas in lines of at most 100 columns.
    static func wrapped(_ words: [String], prefix: String) -> [String] {
        var lines: [String] = []
        var line = prefix
        for (index, word) in words.enumerated() {
            let piece = word + (index < words.count - 1 ? "," : "")
            if line.count + piece.count + 1 > 100, line != prefix {
                lines.append(line)
                line = prefix
            }
            line += (line == prefix ? "" : " ") + piece
        }
        if line != prefix { lines.append(line) }
        return lines
    }
}
