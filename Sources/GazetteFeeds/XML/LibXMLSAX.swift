import CLibXML2
import Foundation

/// What a streaming XML reader hears from `LibXMLSAX.parse`: elements and text, as Swift values.
protocol XMLEventHandler: AnyObject {
    /// An element opened: its local name, namespace URI ("" for none) and attributes keyed by
    /// qualified name (`href`, `xml:base`, `rdf:about`).
    func startElement(name: String, namespace: String, attributes: [String: String])
    /// The innermost open element closed; `tag` tells whether its end tag is really in the document.
    func endElement(_ tag: XMLEndTag)
    /// Character data (text or CDATA), entities already decoded; valid only during the call.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The document is not well-formed here; the parser recovers and goes on.
    func problem(line: Int, column: Int, code: Int)
}

/// libxml2's SAX2 push parser driven from Swift, with the document's names handed over as
/// interned `String`s and text as byte buffers (no per-callback `String` or dictionary, which is
/// what held FoundationXML's `XMLParser` to ~40 MB/s).
///
/// Hostile documents: the handler table has no `getEntity`, `entityDecl`, `resolveEntity` or
/// `externalSubset`, so a DTD's declarations are stored nowhere and no entity can be expanded;
/// `XML_PARSE_NOENT` (substitution) and `XML_PARSE_DTDLOAD` are never set and `XML_PARSE_NONET`
/// is, so nothing is fetched. `XML_PARSE_RECOVER` keeps reading past errors, which are reported.
enum LibXMLSAX {
    static let options: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)

    private static let initialized: Bool = {
        // Once per process, before threads parse concurrently (libxml2's rule).
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` (UTF-8), calling `handler` as it goes; false when the document was not
    /// well-formed (the handler has heard where).
    @discardableResult
    static func parse(_ bytes: [UInt8], handler: XMLEventHandler) -> Bool {
        precondition(initialized)
        let context = SAXContext(handler)
        var sax = handlers()
        let user = Unmanaged.passUnretained(context).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil) else { return false }
        defer { xmlFreeParserCtxt(parser) }
        xmlCtxtUseOptions(parser, options)
        context.parser = parser
        bytes.withUnsafeBufferPointer { buffer in
            context.document = buffer
            defer { context.document = nil }
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) { start in
                // Chunks keep each push within Int32 and let libxml2 work on cached memory.
                var offset = 0
                let chunk = 1 << 20
                repeat {
                    let size = min(chunk, buffer.count - offset)
                    let last = offset + size >= buffer.count
                    _ = xmlParseChunk(parser, start + offset, Int32(size), last ? 1 : 0)
                    offset += size
                } while offset < buffer.count
            }
        }
        withExtendedLifetime(context) {}
        // The context struct is never read from Swift (its layout depends on build options).
        return !context.sawProblem
    }

    private static func handlers() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = 0xDEED_BEAF // XML_SAX2_MAGIC: the namespace-aware callbacks below are used
        sax.startElementNs = { user, localname, _, uri, _, _, count, _, attributes in
            let context = SAXContext.from(user)
            var values: [String: String] = [:]
            if count > 0, let attributes {
                values.reserveCapacity(Int(count))
                for index in 0..<Int(count) {
                    let base = attributes + index * 5
                    guard let local = base[0], let start = base[3], let end = base[4] else { continue }
                    var key = context.name(local)
                    if let prefix = base[1] { key = context.name(prefix) + ":" + key }
                    values[key] = LibXMLSAX.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                }
            }
            context.handler.startElement(name: localname.map(context.name) ?? "", namespace: uri.map(context.name) ?? "", attributes: values)
        }
        sax.endElementNs = { user, localname, prefix, _ in
            let context = SAXContext.from(user)
            context.handler.endElement(XMLEndTag(parser: context.parser, document: context.document, localname: localname, prefix: prefix))
        }
        sax.characters = { user, bytes, count in
            guard let bytes, count > 0 else { return }
            SAXContext.from(user).handler.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.cdataBlock = sax.characters
        sax.serror = { user, error in
            guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let context = SAXContext.from(user)
            context.sawProblem = true
            context.handler.problem(line: Int(error.pointee.line), column: Int(error.pointee.int2), code: Int(error.pointee.code))
        }
        return sax
    }

    /// An attribute's value: without `XML_PARSE_NOENT`, libxml2 keeps `&` as `&#38;` in them.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let ampersand = UInt8(ascii: "&")
        guard bytes.contains(ampersand) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let reference = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == ampersand, index + 5 <= bytes.count, bytes[index..<(index + 5)].elementsEqual(reference) {
                out.append(ampersand)
                index += 5
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An element's close as libxml2 reports it, valid only during `XMLEventHandler.endElement`.
///
/// At the end of a cut-off document the recovering parser closes what is still open as if the end
/// tags were there; `isWritten` tells those apart by looking at the bytes the parser has just read.
struct XMLEndTag {
    fileprivate let parser: xmlParserCtxtPtr?
    fileprivate let document: UnsafeBufferPointer<UInt8>?
    fileprivate let localname: UnsafePointer<xmlChar>?
    fileprivate let prefix: UnsafePointer<xmlChar>?

    /// True when the parser stands just after this element's `</name>` or `<name …/>`.
    var isWritten: Bool {
        guard let parser, let document, let localname else { return true }
        let end = Int(xmlByteConsumed(parser))
        guard end >= 3, end <= document.count, document[end - 1] == UInt8(ascii: ">") else { return false }
        // The tag's `<`: none can stand inside a well-formed tag (not even in an attribute value).
        var open = end - 2
        while open > 0, document[open] != UInt8(ascii: "<") { open -= 1 }
        guard document[open] == UInt8(ascii: "<") else { return false }
        var name = Array(UnsafeBufferPointer(start: localname, count: strlen(UnsafeRawPointer(localname).assumingMemoryBound(to: CChar.self))))
        if let prefix {
            let length = strlen(UnsafeRawPointer(prefix).assumingMemoryBound(to: CChar.self))
            name = Array(UnsafeBufferPointer(start: prefix, count: length)) + [UInt8(ascii: ":")] + name
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if document[open + 1] == UInt8(ascii: "/") {
            // `</name>`, maybe with blanks before the `>`.
            var last = end - 1
            while last > open + 2, isSpace(document[last - 1]) { last -= 1 }
            return document[(open + 2)..<last].elementsEqual(name)
        }
        // `<name …/>`: the element was empty.
        guard document[end - 2] == UInt8(ascii: "/"), open + 1 + name.count < end else { return false }
        let after = document[open + 1 + name.count]
        return document[(open + 1)..<(open + 1 + name.count)].elementsEqual(name) && (isSpace(after) || after == UInt8(ascii: "/"))
    }
}

/// The parse's Swift side: the handler and the names met so far.
private final class SAXContext {
    let handler: XMLEventHandler
    var sawProblem = false
    /// The parser and the bytes it reads, for `XMLEndTag`.
    var parser: xmlParserCtxtPtr?
    var document: UnsafeBufferPointer<UInt8>?
    /// libxml2 interns names and namespace URIs in its dictionary, so one pointer is one name for
    /// the whole parse; each entry keeps the bytes too, and a hit is checked against them.
    private var names: [UnsafeRawPointer: (string: String, bytes: [UInt8])] = [:]

    init(_ handler: XMLEventHandler) { self.handler = handler }

    static func from(_ user: UnsafeMutableRawPointer?) -> SAXContext {
        Unmanaged<SAXContext>.fromOpaque(user!).takeUnretainedValue()
    }

    func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let buffer = UnsafeBufferPointer(start: pointer, count: length)
        if let known = names[UnsafeRawPointer(pointer)], known.bytes.elementsEqual(buffer) { return known.string }
        let string = String(decoding: buffer, as: UTF8.self)
        names[UnsafeRawPointer(pointer)] = (string, Array(buffer))
        return string
    }
}
