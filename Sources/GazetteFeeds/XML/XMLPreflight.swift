/// Makes a feed's UTF-8 bytes safe and palatable for the XML parser before it sees them.
///
/// - The `<!DOCTYPE …>` declaration is removed whole: its internal subset is where entity bombs
///   and external entities are declared, and no feed needs it. References to what it declared
///   are then unknown entities, kept as literal text.
/// - HTML named references (`&nbsp;`, `&eacute;`) become numeric ones; an unknown one or a bare
///   `&` becomes `&amp;` (shown as written) — the commonest ways real feeds are not well-formed.
/// - Control characters XML forbids are dropped (one would stop the parser at that point), and
///   so are numeric references to them (`&#x1b;`, `&#0;`, `&#xD800;`): never text.
/// CDATA sections and comments are copied untouched (apart from controls).
enum XMLPreflight {
    struct Result {
        var bytes: [UInt8]
        var problems: [FeedProblem]
    }

    static func clean(_ input: [UInt8]) -> Result {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        var problems: [FeedProblem] = []
        var fixedAmpersands = 0, droppedControls = 0, droppedReferences = 0, rawMarkupFixed = 0
        var i = 0
        let n = input.count
        var line = 1
        // Leading whitespace before the prolog makes libxml2 refuse the declaration.
        while i < n, input[i] == 0x20 || input[i] == 0x0A || input[i] == 0x0D || input[i] == 0x09 { i += 1 }
        if input[i...].starts(with: Array("<?xml".utf8)) {
            // The bytes are UTF-8 now, whatever the prolog said.
            if let end = find(input, Array("?>".utf8), from: i) {
                out.append(contentsOf: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8))
                i = end + 2
            }
        }
        // The table is read once, not through the global's lazy initialiser per run.
        let table = interesting
        while i < n {
            // Runs of bytes that need nothing go over in one copy.
            let run = input.withUnsafeBufferPointer { buffer -> Int in
                table.withUnsafeBufferPointer { interesting in
                    var k = i
                    while k < n, !interesting[Int(buffer[k])] { k += 1 }
                    return k
                }
            }
            if run > i {
                out.append(contentsOf: input[i..<run])
                i = run
                if i == n { break }
            }
            let byte = input[i]
            if byte == 0x0A { line += 1 }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                droppedControls += 1; i += 1; continue
            }
            if byte == UInt8(ascii: "<"), i + 1 < n, input[i + 1] == UInt8(ascii: "!") {
                if input[i...].starts(with: cdataOpen) {
                    let (end, newlines, controls) = cdataEnd(input, from: i + 9)
                    let section = input[i..<end]
                    if controls {
                        for byte in section where !(byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) { out.append(byte) }
                    } else {
                        out.append(contentsOf: section)
                    }
                    line += newlines
                    i = end
                    continue
                }
                if input[i...].starts(with: Array("<!--".utf8)) {
                    let end = find(input, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? n
                    line += keepLines(input[i..<end], &out)
                    i = end
                    continue
                }
                if startsCaseless(input, at: i, "<!DOCTYPE") {
                    let end = doctypeEnd(input, from: i)
                    if find(input[..<end], Array("<!ENTITY".utf8), from: i) != nil {
                        problems.append(FeedProblem(line: line, column: 1,
                            reason: "DOCTYPE declares entities; ignored (no entity is expanded or fetched)"))
                    }
                    line += keepLines(input[i..<end], &out)
                    i = end
                    continue
                }
            }
            if byte == UInt8(ascii: "<"), let wrapped = wrapRawMarkup(input, at: i, into: &out) {
                line += input[i..<wrapped].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                rawMarkupFixed += 1
                i = wrapped
                continue
            }
            if byte == UInt8(ascii: "&") {
                var k = i + 1
                while k < n, k - i <= 33, isNameByte(input[k]) || input[k] == UInt8(ascii: "#") { k += 1 }
                if k < n, input[k] == UInt8(ascii: ";"), k > i + 1 {
                    let name = Substring(decoding: input[(i + 1)..<k], as: UTF8.self)
                    switch name {
                    case "amp", "lt", "gt", "quot", "apos":
                        out.append(contentsOf: input[i...k])
                    default:
                        if let scalar = HTMLEntities.scalar(forReference: name) {
                            out.append(contentsOf: Array("&#\(scalar.value);".utf8))
                        } else if HTMLEntities.isNeverText(name) {
                            droppedReferences += 1
                        } else {
                            out.append(contentsOf: Array("&amp;".utf8))
                            out.append(contentsOf: input[(i + 1)...k])
                            fixedAmpersands += 1
                        }
                    }
                    i = k + 1
                    continue
                }
                out.append(contentsOf: Array("&amp;".utf8))
                fixedAmpersands += 1
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        if fixedAmpersands > 0 {
            problems.append(FeedProblem(reason: "\(fixedAmpersands) bare or unknown '&' read as text"))
        }
        if rawMarkupFixed > 0 {
            problems.append(FeedProblem(reason: "\(rawMarkupFixed) text elements held unescaped HTML; read as HTML"))
        }
        if droppedControls > 0 {
            problems.append(FeedProblem(reason: "\(droppedControls) control characters dropped"))
        }
        if droppedReferences > 0 {
            problems.append(FeedProblem(reason: "\(droppedReferences) references to control or invalid characters dropped"))
        }
        return Result(bytes: out, problems: problems)
    }

    /// Elements whose content is text or escaped HTML, where broken feeds put raw HTML.
    static let textElements: Set<String> = ["title", "description", "summary", "content", "content:encoded", "itunes:summary"]

    /// When a text element at `start` holds raw markup (`<description>a <b>b</description>`), writes
    /// it with the content in a CDATA section and returns the index after its end tag. An
    /// unclosed `<b>` inside would otherwise end the parse there.
    static func wrapRawMarkup(_ input: [UInt8], at start: Int, into out: inout [UInt8]) -> Int? {
        var k = start + 1
        while k < input.count, isNameByte(input[k]) || input[k] == UInt8(ascii: ":") || input[k] == UInt8(ascii: "_") { k += 1 }
        guard k > start + 1, k < input.count, k - start - 1 <= 15 else { return nil }
        // Cheap first test on the name's first letter before building a string.
        switch input[start + 1] {
        case UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "s"), UInt8(ascii: "c"), UInt8(ascii: "i"): break
        default: return nil
        }
        let name = Array(input[(start + 1)..<k])
        guard textElements.contains(String(decoding: name, as: UTF8.self)) else { return nil }
        guard let tagEnd = input[k...].firstIndex(of: UInt8(ascii: ">")), input[tagEnd - 1] != UInt8(ascii: "/") else { return nil }
        let startTag = input[start...tagEnd]
        if find(startTag, Array("xhtml".utf8), from: start) != nil { return nil }
        // Content that opens with CDATA (what WordPress writes) is fine as it is.
        var first = tagEnd + 1
        while first < input.count, input[first] == 0x20 || input[first] == 0x0A || input[first] == 0x09 || input[first] == 0x0D { first += 1 }
        if input[first...].starts(with: cdataOpen) { return nil }
        let closer = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
        var search = tagEnd + 1
        var close: Int?
        while let found = find(input, closer, from: search) {
            let after = found + closer.count
            if after < input.count, input[after] == UInt8(ascii: ">") || input[after] == 0x20 { close = found; break }
            search = found + 1
        }
        guard let close else { return nil }
        let content = input[(tagEnd + 1)..<close]
        guard content.contains(UInt8(ascii: "<")), find(content, Array("<![CDATA[".utf8), from: content.startIndex) == nil else { return nil }
        guard let closeEnd = input[close...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        out.append(contentsOf: startTag)
        out.append(contentsOf: Array("<![CDATA[".utf8))
        for byte in content where !(byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            out.append(byte)
            // A `]]>` inside would end the section early.
            if byte == UInt8(ascii: ">"), out.count >= 3, out[out.count - 2] == UInt8(ascii: "]"), out[out.count - 3] == UInt8(ascii: "]") {
                out.removeLast()
                out.append(contentsOf: Array("]]><![CDATA[>".utf8))
            }
        }
        out.append(contentsOf: Array("]]>".utf8))
        out.append(contentsOf: input[close...closeEnd])
        return closeEnd + 1
    }

    /// Writes one newline per newline in a removed range, so the parser's line numbers stay true.
    /// Bytes the cleaning loop must look at: `<`, `&`, and controls other than tab and CR.
    static let interesting: [Bool] = (0..<256).map { b in
        b == 0x3C || b == 0x26 || (b < 0x20 && b != 0x09 && b != 0x0D)
    }

    static let cdataOpen = Array("<![CDATA[".utf8)

    /// The index after the `]]>` closing a CDATA section whose content starts at `start` (the end
    /// of input when unclosed), with the newlines and whether controls XML forbids are in it: one
    /// pass over what is most of a feed's bytes.
    static func cdataEnd(_ input: [UInt8], from start: Int) -> (end: Int, newlines: Int, controls: Bool) {
        input.withUnsafeBufferPointer { bytes in
            var newlines = 0, controls = false
            var k = start
            let n = bytes.count
            while k < n {
                let byte = bytes[k]
                if byte == 0x5D, k + 2 < n, bytes[k + 1] == 0x5D, bytes[k + 2] == 0x3E { return (k + 3, newlines, controls) }
                if byte < 0x20 {
                    if byte == 0x0A { newlines += 1 } else if byte != 0x09 && byte != 0x0D { controls = true }
                }
                k += 1
            }
            return (n, newlines, controls)
        }
    }

    static func keepLines(_ removed: ArraySlice<UInt8>, _ out: inout [UInt8]) -> Int {
        var count = 0
        for byte in removed where byte == 0x0A { out.append(0x0A); count += 1 }
        return count
    }

    /// The end of a DOCTYPE declaration: the `>` after its `[ … ]` internal subset, if any.
    static func doctypeEnd(_ input: [UInt8], from start: Int) -> Int {
        var i = start, inSubset = false, quote: UInt8 = 0
        while i < input.count {
            let byte = input[i]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if byte == UInt8(ascii: ">"), !inSubset {
                return i + 1
            }
            i += 1
        }
        return input.count
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func startsCaseless(_ input: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard index + p.count <= input.count else { return false }
        for k in 0..<p.count where input[index + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    static func find(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.endIndex - start >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var match = true
                for k in 1..<needle.count where haystack[i + k] != needle[k] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    static func find(_ haystack: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        find(haystack[...], needle, from: start)
    }
}
