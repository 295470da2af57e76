import Foundation

/// File and folder names made from untrusted titles and URLs: short, ASCII, no separators.
public enum SafeFileName {
    /// At most this many characters of slug (the date prefix and `.txt` come on top).
    public static let maxSlug = 60

    /// `the-zimmermann-telegram` from any title; `fallback` when nothing usable is left
    /// (a title in another script, only punctuation, `..`).
    public static func slug(_ text: String, fallback: String) -> String {
        let folded = text.prefix(400).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let alnum = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
            if alnum {
                let separator = dash && !out.isEmpty
                // The separator counts too: a slug never grows past maxSlug.
                if out.utf8.count + (separator ? 2 : 1) > maxSlug { break }
                if separator { out += "-" }
                dash = false
                out.unicodeScalars.append(Unicode.Scalar(v >= 0x41 && v <= 0x5A ? v + 32 : v)!)
            } else {
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// A feed's folder name from its title, else its URL's host and path.
    public static func folder(title: String?, url: String) -> String {
        let hash = shortHash(url)
        if let title, !title.trimmingCharacters(in: .whitespaces).isEmpty {
            return slug(title, fallback: "feed-" + hash)
        }
        let parsed = URL(string: url)
        let host = parsed?.host ?? ""
        let path = parsed?.path ?? ""
        return slug(host + " " + path, fallback: "feed-" + hash)
    }

    /// 8 hex digits of FNV-1a over the text: short, stable, for names that need telling apart.
    public static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
