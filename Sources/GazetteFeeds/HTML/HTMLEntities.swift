/// HTML's named character references that feeds actually use (all of Latin-1, typographic
/// punctuation, Greek, arrows and maths symbols), and numeric references.
public enum HTMLEntities {
    /// Code points 160…255 in order, by their HTML names.
    private static let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
        acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
        Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
        Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
        ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
        oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    private static let others: [(String, UInt32)] = [
        ("quot", 34), ("amp", 38), ("apos", 39), ("lt", 60), ("gt", 62), ("OElig", 338), ("oelig", 339),
        ("Scaron", 352), ("scaron", 353), ("Yuml", 376), ("fnof", 402), ("circ", 710), ("tilde", 732),
        ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201), ("zwnj", 8204), ("zwj", 8205), ("lrm", 8206),
        ("rlm", 8207), ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217), ("sbquo", 8218),
        ("ldquo", 8220), ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224), ("Dagger", 8225), ("bull", 8226),
        ("hellip", 8230), ("permil", 8240), ("prime", 8242), ("Prime", 8243), ("lsaquo", 8249), ("rsaquo", 8250),
        ("oline", 8254), ("frasl", 8260), ("euro", 8364), ("trade", 8482), ("larr", 8592), ("uarr", 8593),
        ("rarr", 8594), ("darr", 8595), ("harr", 8596), ("lArr", 8656), ("rArr", 8658), ("hArr", 8660),
        ("forall", 8704), ("part", 8706), ("exist", 8707), ("empty", 8709), ("nabla", 8711), ("isin", 8712),
        ("notin", 8713), ("ni", 8715), ("prod", 8719), ("sum", 8721), ("minus", 8722), ("lowast", 8727),
        ("radic", 8730), ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743), ("or", 8744),
        ("cap", 8745), ("cup", 8746), ("int", 8747), ("there4", 8756), ("sim", 8764), ("cong", 8773),
        ("asymp", 8776), ("ne", 8800), ("equiv", 8801), ("le", 8804), ("ge", 8805), ("sub", 8834),
        ("sup", 8835), ("sube", 8838), ("supe", 8839), ("oplus", 8853), ("otimes", 8855), ("perp", 8869),
        ("sdot", 8901), ("loz", 9674), ("spades", 9824), ("clubs", 9827), ("hearts", 9829), ("diams", 9830),
        ("check", 10003), ("star", 9734), ("nbhy", 8209), ("hyphen", 8208), ("dash", 8208),
    ]

    private static let greek = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega"

    /// Name → code point (case-sensitive, as HTML is).
    public static let table: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (offset, name) in latin1.split(separator: " ").enumerated() { table[String(name)] = UInt32(160 + offset) }
        for (name, value) in others { table[name] = value }
        for (offset, name) in greek.split(separator: " ").enumerated() where name != "_" {
            table[String(name)] = UInt32(913 + offset)
            table[String(name).lowercased()] = UInt32(945 + offset)
        }
        table["sigmaf"] = 962
        table["thetasym"] = 977
        return table
    }()

    /// The scalar a reference body (`amp`, `#233`, `#xE9`) stands for; nil when unknown or invalid.
    /// Code points that are controls or not characters become nil, so no reference can smuggle one.
    public static func scalar(forReference name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = digits.count > 1 && digits.count <= 7 ? UInt32(digits.dropFirst(), radix: 16) : nil
            } else {
                value = digits.count >= 1 && digits.count <= 8 ? UInt32(digits) : nil
            }
            guard var code = value else { return nil }
            // Browsers read &#150; as Windows-1252's en dash; feeds written on Windows rely on it.
            if code >= 0x80, code < 0xA0 { code = FeedTextDecoding.cp1252High[Int(code - 0x80)] }
            return allowed(code)
        }
        guard name.count <= 32, let code = table[String(name)] else { return nil }
        return allowed(code)
    }

    /// True for a numeric reference (`&#27;`, `&#x1b;`, `&#0;`, `&#xD800;`) to a code point that is
    /// never text — a control, a surrogate, a non-character, beyond Unicode — which is dropped
    /// rather than shown as written (`&#x1b;[31m` would otherwise reach the screen as text).
    public static func isNeverText(_ name: Substring) -> Bool {
        guard name.hasPrefix("#") else { return false }
        var digits = name.dropFirst()
        let hex = digits.first == "x" || digits.first == "X"
        if hex { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ isDigit($0, hex: hex) }) else { return false }
        return scalar(forReference: name) == nil
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (hex && ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66))
    }

    static func allowed(_ code: UInt32) -> Unicode.Scalar? {
        if code == 9 || code == 10 { return Unicode.Scalar(code) }
        if code < 0x20 || (code >= 0x7F && code < 0xA0) || (0xD800...0xDFFF).contains(code) || code > 0x10FFFF { return nil }
        if code == 0xFFFE || code == 0xFFFF { return nil }
        return Unicode.Scalar(code)
    }
}
