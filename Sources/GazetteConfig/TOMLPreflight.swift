/// A check run before TOMLKit sees the text, for what its parser (toml++) asserts instead of
/// reporting: a table header whose name does not start with a key character (`[[#`, `[ +`).
/// In a debug build that assertion aborts; in a release build it is undefined behaviour. Found
/// by mutating config files; every other malformed input toml++ reports as an error.
enum TOMLPreflight {
    /// The first problem as (line, reason), or nil.
    static func problem(in text: String) -> (line: Int, reason: String)? {
        var line = 1
        var depth = 0  // open [ and { inside values
        var atLineStart = true
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        func peek(_ offset: Int) -> Unicode.Scalar? {
            var position = index
            for _ in 0..<offset {
                guard position < scalars.endIndex else { return nil }
                position = scalars.index(after: position)
            }
            return position < scalars.endIndex ? scalars[position] : nil
        }
        func advance() {
            if scalars[index] == "\n" { line += 1 }
            index = scalars.index(after: index)
        }
        /// Skips a string starting at `index` (its opening quote), multi-line ones included.
        func skipString() {
            let quote = scalars[index]
            let triple = peek(1) == quote && peek(2) == quote
            advance()
            if triple { advance(); advance() }
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar == "\\" && quote == "\"" {
                    advance()
                    if index < scalars.endIndex { advance() }
                    continue
                }
                if scalar == "\n" && !triple { return }
                if scalar == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                    advance()
                    if triple { advance(); advance() }
                    return
                }
                advance()
            }
        }
        func skipComment() {
            while index < scalars.endIndex, scalars[index] != "\n" { advance() }
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "\n":
                advance()
                if depth == 0 { atLineStart = true }
                continue
            case " ", "\t", "\r":
                advance()
                continue
            case "#":
                skipComment()
                continue
            case "\"", "'":
                skipString()
                atLineStart = false
                continue
            case "[" where depth == 0 && atLineStart:
                advance()
                if index < scalars.endIndex, scalars[index] == "[" { advance() }
                while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" { advance() }
                guard index < scalars.endIndex, isKeyStart(scalars[index]) || scalars[index] == "]" else {
                    return (line, "a table header must start with a name, as in [keys] or [keys.list]")
                }
                // The rest of the header: names and dots, quoted names may hold brackets.
                while index < scalars.endIndex, scalars[index] != "\n", scalars[index] != "#" {
                    if scalars[index] == "\"" || scalars[index] == "'" { skipString() } else { advance() }
                }
                atLineStart = false
                continue
            case "[", "{":
                depth += 1
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
            atLineStart = false
            advance()
        }
        return nil
    }

    private static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            || scalar == "\"" || scalar == "'"
    }
}
