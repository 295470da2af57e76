import Testing

@testable import GazetteTerminal

@Suite("UTF-8 key assembly")
struct KeyUTF8Tests {
    /// Assembles `bytes` (the first is the lead) and returns the scalar and the pushed-back byte.
    private func assemble(_ bytes: [Int32]) -> (UInt32?, Int32?, consumed: Int) {
        var rest = bytes.dropFirst()[...]
        var consumed = 1
        let result = KeyDecoder.assembleUTF8(lead: UInt8(bytes[0])) {
            guard let next = rest.popFirst() else { return nil }
            consumed += 1
            return next
        }
        return (result.scalar, result.pushBack, consumed)
    }

    @Test func validSequencesMakeOneScalar() {
        #expect(assemble([0x61]).0 == 0x61)
        #expect(assemble([0xC3, 0xA9]).0 == 0xE9)
        #expect(assemble([0xE4, 0xB8, 0xAD, 0x61]).0 == 0x4E2D)
        #expect(assemble([0xE4, 0xB8, 0xAD, 0x61]).consumed == 3, "the key after is left alone")
        #expect(assemble([0xF0, 0x9F, 0x98, 0x80]).0 == 0x1F600)
    }

    @Test func aStrayByteIsDroppedAndTheNextKeyKept() {
        // Latin-1 é then "f": no scalar, and "f" goes back to be read as the next key.
        let latin1 = assemble([0xE9, 0x66, 0x72])
        #expect(latin1.0 == nil)
        #expect(latin1.1 == 0x66)
        #expect(latin1.consumed == 2)
        // Ctrl-C right after a bad byte still arrives.
        #expect(assemble([0xC3, 0x03]).1 == 0x03)
        #expect(assemble([0xFF]).0 == nil)
        #expect(assemble([0xC3]).0 == nil, "nothing more came")
        #expect(assemble([0xE0, 0x80, 0x80]).0 == nil, "overlong")
        #expect(assemble([0xED, 0xA0, 0x80]).0 == nil, "surrogate")
        #expect(assemble([0xC3, 0x102]).1 == 0x102, "a function key after a lead byte is kept")
    }
}
