import Testing
@testable import GazetteCore

@Suite struct TextDecodingTests {
    @Test func plainUTF8PassesThrough() {
        #expect(TextDecoding.decode(Array("Zürich — 東京\n".utf8)) == "Zürich — 東京\n")
    }

    @Test func bomIsStripped() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Title: x".utf8)) == "Title: x")
    }

    @Test func crlfAndLoneCRBecomeNewlines() {
        #expect(TextDecoding.decode(Array("a\r\nb\rc\n\r\nd".utf8)) == "a\nb\nc\n\nd")
    }

    @Test func bomWithCRLF() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8)) == "a\nb\n")
    }

    @Test func utf16LittleAndBigEndianWithBOM() {
        let text = "Title: Ünïcode\r\n\r\nBody 𝄞"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode(little) == "Title: Ünïcode\n\nBody 𝄞")
        #expect(TextDecoding.decode(big) == "Title: Ünïcode\n\nBody 𝄞")
        // An odd trailing byte is a truncated unit, not a crash.
        #expect(TextDecoding.decode(little + [0x41]).hasSuffix("\u{FFFD}"))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(TextDecoding.decode([0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        // Overlong "/" (C0 AF) and an encoded surrogate (ED A0 80) are rejected too.
        #expect(!TextDecoding.decode([0xC0, 0xAF]).contains("/"))
        #expect(TextDecoding.decode([0xED, 0xA0, 0x80]).unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
        // Truncated multi-byte sequence at the end.
        #expect(TextDecoding.decode([0x61, 0xE2, 0x96]) == "a\u{FFFD}")
    }

    @Test func nulBytesAreKept() {
        #expect(TextDecoding.decode([0x61, 0x00, 0x62]) == "a\u{0}b")
    }

    @Test func emptyAndNonContiguousInput() {
        #expect(TextDecoding.decode([UInt8]()) == "")
        #expect(TextDecoding.decode(Array("a\r\nb".utf8).lazy.map { $0 }) == "a\nb")
    }
}
