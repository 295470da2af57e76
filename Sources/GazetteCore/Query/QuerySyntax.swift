/// Builds query text from values, quoting and escaping so that any value round-trips through the parser.
public enum QuerySyntax {
    /// `tag:CIA`, or `tag:"covert action"` when the value needs quotes.
    public static func term(_ field: String, _ value: String) -> String {
        // Scalars, not Characters: a quote fused with a following combining mark is still a quote to the lexer.
        let needsQuotes = value.isEmpty || value.contains(where: \.isWhitespace)
            || value.unicodeScalars.contains { "\"\\()".unicodeScalars.contains($0) }
        guard needsQuotes else { return "\(field):\(value)" }
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return "\(field):\"\(String(escaped))\""
    }
}
