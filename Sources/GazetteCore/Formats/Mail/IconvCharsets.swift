#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Character sets that neither the tables here nor Foundation on Linux convert, through the C
/// library's `iconv`: the multi-byte sets of Chinese, Korean and Taiwanese mail and news
/// (GB2312/GBK/GB18030, Big5, EUC-KR/UHC, ISO-2022-KR/-CN, EUC-TW), Thai (TIS-620) and any
/// other set the C library names. The labels mail uses are mapped as the WHATWG Encoding
/// Standard maps them (mail clients and browsers agree on it): `gb2312` is read as GB18030 and
/// `euc-kr` as Windows-949, the supersets that the mail labelled so actually holds.
enum IconvCharsets {
    /// The text of `bytes` in the set labelled `key` (lower-cased); nil when the C library has
    /// no such set. A byte sequence that is not valid in the set becomes U+FFFD and reading
    /// goes on, as a mail client shows it.
    static func decode(_ bytes: some Collection<UInt8>, label key: String) -> String? {
        guard let name = iconvName(key) else { return nil }
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = Array(bytes)
        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        input.withUnsafeMutableBufferPointer { source in
            chunk.withUnsafeMutableBufferPointer { target in
                guard let targetBase = target.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = source.count
                func drain(_ outLeft: Int) { output.append(contentsOf: UnsafeBufferPointer(start: targetBase, count: target.count - outLeft)) }
                var outPointer: UnsafeMutablePointer<CChar>? = nil
                var outLeft = 0
                func fresh() {
                    outPointer = UnsafeMutableRawPointer(targetBase).assumingMemoryBound(to: CChar.self)
                    outLeft = target.count
                }
                while inLeft > 0 {
                    fresh()
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    drain(outLeft)
                    if failure == 0 || failure == E2BIG { continue }
                    // Not valid in the set (EILSEQ), or cut short by the end of the input
                    // (EINVAL): one replacement character for the byte, then on from the next.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    guard failure == EILSEQ || failure == EINVAL else { break }
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
                // A stateful set (ISO-2022) may owe a shift back to its initial state.
                repeat {
                    fresh()
                    let result = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                    drain(outLeft)
                    if result != -1 || errno != E2BIG { break }
                } while true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The C library's name for a mail label, or nil for a label that could not be a charset
    /// name (`iconv_open` is given only letters, digits and `-_.:`, so never a `//` suffix).
    static func iconvName(_ key: String) -> String? {
        if let mapped = whatwg[key] { return mapped }
        guard !key.isEmpty, key.utf8.count <= 40,
              key.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x3A })
        else { return nil }
        return key.uppercased()
    }

    private static let whatwg: [String: String] = {
        var names: [String: String] = [:]
        for label in ["gb2312", "gbk", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "csgb2312", "chinese",
                      "gb_2312", "gb_2312-80", "iso-ir-58", "csiso58gb231280", "x-euc-cn", "gb18030"] {
            names[label] = "GB18030"
        }
        for label in ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "x-big5", "big-5", "cp950", "windows-950"] {
            names[label] = "BIG5-HKSCS"
        }
        for label in ["euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "ks_c_5601", "cseuckr",
                      "csksc56011987", "iso-ir-149", "korean", "windows-949", "cp949", "uhc", "x-windows-949"] {
            names[label] = "CP949"
        }
        for label in ["tis-620", "iso-8859-11", "iso8859-11", "windows-874", "cp874", "dos-874"] {
            names[label] = "CP874"
        }
        return names
    }()
}
