import GazetteUI

/// How `[theme]` writes a look: `"yellow bold"`, `"#ff8700 underline"`, `"244"`, `"white on blue"`,
/// `"default dim"` — a colour, attributes, `on` and a background colour, in any order.
enum LookSpec {
    /// The terminal's sixteen colours by name (`bright-` forms are 8–15).
    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let attributeNames: [(String, TextAttributes)] = [("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim)]

    /// A colour: a name, `bright-NAME`, `grey`, a 256-colour index (`244`) or `#rrggbb`;
    /// `default` (the terminal's own) is `.some(nil)`. nil when not a colour.
    static func color(_ word: String) -> ThemeColor?? {
        let lower = word.lowercased()
        if lower == "default" || lower == "none" { return .some(nil) }
        if lower == "grey" || lower == "gray" { return .index(8) }
        if let index = colorNames.firstIndex(of: lower) { return .index(UInt8(index)) }
        if lower.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(lower.dropFirst(7))) { return .index(UInt8(index + 8)) }
        if let index = Int(lower), (0...255).contains(index) { return .index(UInt8(index)) }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        return nil
    }

    /// The look a string writes, or the reason it is not one.
    static func look(_ text: String) -> Result<RoleLook, LookError> {
        var look = RoleLook()
        var background = false
        var sawColor = false
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            if word.lowercased() == "on" {
                // One background: `red on blue on green` is a mistake, not green.
                guard !background, look.background == nil else {
                    return .failure(LookError(word: word, message: "one background only ('on' comes twice)"))
                }
                background = true
                continue
            }
            if let attribute = attributeNames.first(where: { $0.0 == word.lowercased() }) {
                look.attributes.insert(attribute.1)
                continue
            }
            guard let color = color(word) else { return .failure(LookError(word: word)) }
            if background {
                look.background = color
                background = false
            } else {
                guard !sawColor else { return .failure(LookError(word: word)) }
                look.foreground = color
                sawColor = true
            }
        }
        if background { return .failure(LookError(word: "on")) }
        return .success(look)
    }

    /// The look as `[theme]` writes it; `look(_:)` reads it back.
    static func text(_ look: RoleLook) -> String {
        var words = [look.foreground.map(name) ?? "default"]
        if let background = look.background { words += ["on", name(background)] }
        words += attributeNames.filter { look.attributes.contains($0.1) }.map(\.0)
        return words.joined(separator: " ")
    }

    static func name(_ color: ThemeColor) -> String {
        switch color {
        case .index(let index) where index < 8: colorNames[Int(index)]
        case .index(let index) where index < 16: "bright-" + colorNames[Int(index) - 8]
        case .index(let index): String(index)
        case .rgb(let red, let green, let blue): "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// A word that is neither a colour nor an attribute.
    struct LookError: Error {
        var word: String
        var message: String?
        var reason: String {
            message ?? "'\(word)' is not a colour (a name like yellow or bright-blue, 0–255, #rrggbb) or an attribute (bold, underline, reverse, dim)"
        }
    }
}
