/// A mail or news author as a person reads it: `"Ada K." <ada@example.org>` and
/// `ada@example.org (Ada K.)` are Ada K.
///
/// The stored value (and so the article's identity and `author:` substring searches) stays exactly
/// as the file spells it. The UI shows `short` and `full`; the author facet keys a value by `full`,
/// so the three spellings of one person are one sidebar row (a different name on the same address,
/// such as a mailing list's "Ada via swift-dev", stays a row of its own).
public struct AuthorName: Sendable, Equatable {
    /// The person's name, or the address when there is none.
    public let short: String
    /// `Name <address>`, unquoted; the value as written when it is not an address form.
    public let full: String

    public init(_ raw: String) {
        let text = raw.trimmingSpaces
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            // RFC 5322 name-addr: display-name <addr-spec>.
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
            let name = Self.unquoted(String(text[..<open]).trimmingSpaces)
            guard !address.isEmpty, !address.contains("<"), !address.contains(">") else {
                (short, full) = (text, text)
                return
            }
            (short, full) = name.isEmpty ? (address, address) : (name, "\(name) <\(address)>")
        } else if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
            // The old Usenet form: address (Full Name); pipermail archives write the address
            // `alice at example.org`.
            let address = Self.unobfuscated(String(text[..<open]).trimmingSpaces)
            let name = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
            guard address.contains("@"), !address.contains(" "), !name.isEmpty else {
                (short, full) = (text, text)
                return
            }
            (short, full) = (name, "\(name) <\(address)>")
        } else {
            (short, full) = (text, text)
        }
    }

    /// `local at domain` (Mailman's pipermail hides addresses so) as `local@domain`; anything else as it is.
    static func unobfuscated(_ address: String) -> String {
        let words = address.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 3, words[1] == "at", !words[0].isEmpty, words[2].contains("."),
              !words[0].contains("@"), !words[2].contains("@") else { return address }
        return words[0] + "@" + words[2]
    }

    /// A quoted display name without its quotes and backslash escapes; anything else as it is.
    private static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.first == "\"", name.last == "\"" else { return name }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result.trimmingSpaces
    }
}

private extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
