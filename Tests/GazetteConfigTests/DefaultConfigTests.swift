import GazetteCore
import Testing
@testable import GazetteConfig
@testable import GazetteUI

/// `gazette config --default` prints a file that reads back as exactly the defaults.
@Suite struct DefaultConfigTests {
    static let keys: [Key] = {
        var keys: [Key] = [.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        keys += (32...126).map { Key.character(Character(Unicode.Scalar(UInt8($0)))) }
        return keys
    }()

    @Test func theDefaultFileParsesBackToTheDefaults() throws {
        let text = DefaultConfig.text()
        let loaded = try ConfigFile.parse(text, path: "default.toml")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let settings = loaded.settings, defaults = Settings.defaults
        for context in KeyMap.configurableContexts {
            for key in Self.keys {
                #expect(settings.keyMap.action(for: key, in: context) == defaults.keyMap.action(for: key, in: context),
                        "\(key.configName) in \(context)")
            }
        }
        #expect(settings.theme == defaults.theme)
        #expect(settings.layout == defaults.layout)
        #expect(settings.reader == defaults.reader)
        #expect(settings.views.isEmpty && settings.pipe == defaults.pipe && settings.open == defaults.open)
        #expect(settings.mouse == defaults.mouse)
    }

    @Test func theDefaultFileNamesEveryActionAndRole() {
        let text = DefaultConfig.text()
        for (name, _) in Action.named { #expect(text.contains(name), "\(name)") }
        for role in ColorRole.allCases { #expect(text.contains("# \(role.configName) = "), "\(role)") }
        for section in ["[keys]", "[keys.list]", "[keys.reader]", "[keys.sidebar]", "[theme]", "[layout]", "[views]", "[reader]", "[open]", "[pipe]"] {
            #expect(text.contains("\n\(section)\n"), "\(section)")
        }
    }

    @Test func looksReadBackAsWritten() throws {
        for look in [RoleLook(.index(3), .bold), RoleLook(.index(12)), RoleLook(.index(245), background: .index(0), [.underline, .dim]),
                     RoleLook(.rgb(0x0A, 0xBC, 0xFF)), RoleLook(nil, .reverse)] {
            #expect(try LookSpec.look(LookSpec.text(look)).get() == look)
        }
    }

    @Test func keyNamesReadBackAsWritten() {
        for key in Self.keys { #expect(Key(name: key.configName) == key, "\(key.configName)") }
        #expect(Key(name: "Ctrl-x") == .control("x") && Key(name: "^d") == .control("d") && Key(name: "pagedown") == .pageDown)
        #expect(Key(name: "F25") == nil && Key(name: "Hyper-x") == nil && Key(name: "") == nil)
    }
}
