import CNcursesw
import GazetteUI
import Testing

@testable import GazetteTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    private func decode(_ code: UInt32) -> Key? {
        KeyDecoder.decode(status: OK, code: code) { (80, 24) }
    }

    private func decodeKey(_ code: Int32) -> Key? {
        KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code)) { (132, 43) }
    }

    @Test func printableCharactersStayCharacters() {
        #expect(decode(0x61) == .character("a"))
        #expect(decode(0x20) == .character(" "))
        #expect(decode(0x4E2D) == .character("中"))
        #expect(decode(0x1F600) == .character("😀"))
    }

    @Test func controlBytesBecomeNamedKeys() {
        #expect(decode(0x09) == .tab)
        #expect(decode(0x0d) == .enter)
        #expect(decode(0x0a) == .enter)
        #expect(decode(0x1b) == .escape)
        #expect(decode(0x7f) == .backspace)
        #expect(decode(0x08) == .backspace)
        #expect(decode(0x03) == .control("c"))
        #expect(decode(0x01) == .control("a"))
        #expect(decode(0x1a) == .control("z"))
        #expect(decode(0x0c) == .control("l"))
        #expect(decode(0x1c) == .control("\\"))
    }

    @Test func c1ControlsAndInvalidScalarsAreDropped() {
        #expect(decode(0x9b) == nil)
        #expect(decode(0x85) == nil)
        #expect(decode(0xD800) == nil)
    }

    @Test func cursorAndEditingKeys() {
        #expect(decodeKey(KEY_UP) == .up)
        #expect(decodeKey(KEY_DOWN) == .down)
        #expect(decodeKey(KEY_LEFT) == .left)
        #expect(decodeKey(KEY_RIGHT) == .right)
        #expect(decodeKey(KEY_HOME) == .home)
        #expect(decodeKey(KEY_END) == .end)
        #expect(decodeKey(KEY_PPAGE) == .pageUp)
        #expect(decodeKey(KEY_NPAGE) == .pageDown)
        #expect(decodeKey(KEY_DC) == .delete)
        #expect(decodeKey(KEY_BACKSPACE) == .backspace)
        #expect(decodeKey(KEY_BTAB) == .backTab)
        #expect(decodeKey(KEY_ENTER) == .enter)
    }

    @Test func functionKeysCarryTheirNumber() {
        #expect(decodeKey(gz_key_f(1)) == .function(1))
        #expect(decodeKey(gz_key_f(12)) == .function(12))
        #expect(decodeKey(gz_key_f0()) == nil)
    }

    @Test func resizeReportsTheNewSize() {
        #expect(decodeKey(KEY_RESIZE) == .resize(width: 132, height: 43))
    }

    @Test func unknownKeysAndErrorsAreNil() {
        #expect(decodeKey(KEY_MOUSE) == nil)
        #expect(KeyDecoder.decode(status: ERR, code: 0x61) { (1, 1) } == nil)
    }
}
