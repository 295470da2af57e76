import Foundation
import Testing
@testable import GazetteConfig
@testable import GazetteUI

/// README.md's example config file is a real one: it reads with no error and no warning, and
/// does what its comments say.
@Suite struct ReadmeConfigTests {
    static func example() throws -> String {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "### Config file"), "README.md has no '### Config file'")
        let rest = text[section.upperBound...]
        let start = try #require(rest.range(of: "```toml\n"), "no toml block after '### Config file'")
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        return String(rest[start.upperBound..<end.lowerBound])
    }

    @Test func theReadmeExampleReadsCleanly() throws {
        let loaded = try ConfigFile.parse(try Self.example(), path: "README.md")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let settings = loaded.settings
        #expect(settings.keyMap.action(for: .character("J"), in: .list) == .nextArticle)
        #expect(settings.keyMap.action(for: .character(" "), in: .list) == .openArticle)
        #expect(settings.keyMap.action(for: .character("x"), in: .sidebar) == nil)
        #expect(settings.theme.name == "light")
        #expect(settings.layout.arrangement == .sideBySide)
        #expect(settings.views.map(\.name) == ["Long reads", "Cartels"])
        #expect(settings.open.arguments(for: "https://example.org") == ["firefox", "--new-tab", "https://example.org"])
        #expect(settings.pipe.commands.map(\.name) == ["wordcount", "keep"])
    }
}
