import Testing
@testable import GazetteCore

/// The word-at-a-time control-byte scan every loaded file takes agrees with the byte definition.
@Suite struct BinaryTextTests {
    @Test func wordScanFindsExactlyTheControlBytesTheByteLoopFinds() {
        var mix = ByteParsingTests.Mix(state: 11)
        // Every byte value at every offset of short and long buffers, among text, UTF-8 and allowed controls.
        let filler: [UInt8] = Array("Plain text, ünïcode 東京\tand\nlines\u{0C}".utf8)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 200] {
            for probe in 0..<300 {
                var bytes = (0..<length).map { _ in filler[mix.next(filler.count)] }
                if length > 0, probe < 256 { bytes[mix.next(length)] = UInt8(probe) }
                let expected = bytes.contains(where: BinaryText.isControl)
                #expect(bytes.withUnsafeBufferPointer(BinaryText.hasControlByte) == expected, "\(bytes)")
            }
        }
    }

    @Test func binaryAndTextFilesAreToldApart() {
        func looksBinary(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { BinaryText.looksBinary(TextBuffer($0)) }
        }
        #expect(!looksBinary(Array("Title: Night ferry\n\nTabs\tand form feeds\u{0C} are text.\n".utf8)))
        #expect(looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)))
        #expect(looksBinary(Array(repeating: 0x7F, count: 40)))
        // One stray control in a page of text is not binary.
        #expect(!looksBinary(Array(String(repeating: "quiet harbour ", count: 50).utf8) + [0x01]))
    }
}
