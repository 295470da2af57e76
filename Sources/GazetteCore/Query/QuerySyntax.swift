/// Builds query text from values, quoting and escaping so that any value round-trips through the parser.
public enum QuerySyntax {
    /// `tag:CIA`, or `tag:"covert action"` when the value needs quotes.
    public static func term(_ field: String, _ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { character in
            character.isWhitespace || "\"\\()".contains(character)
        }
        guard needsQuotes else { return "\(field):\(value)" }
        var escaped = ""
        for character in value {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\(field):\"\(escaped)\""
    }
}
