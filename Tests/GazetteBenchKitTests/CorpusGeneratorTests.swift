import Foundation
import Testing
@testable import GazetteBenchKit
import GazetteCore

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    @Test("the same seed writes byte-identical corpora", arguments: CorpusFormat.allCases)
    func sameSeedSameBytes(format: CorpusFormat) throws {
        let first = TemporaryDirectory(), second = TemporaryDirectory()
        let count = format == .canonical ? 300 : 700
        _ = try CorpusGenerator(articles: count, seed: 42, format: format).write(to: first.path)
        _ = try CorpusGenerator(articles: count, seed: 42, format: format).write(to: second.path)
        let a = try filesByRelativePath(first.path), b = try filesByRelativePath(second.path)
        #expect(a.count > (format == .canonical ? 300 : 3))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
    }

    @Test("a different seed writes a different corpus")
    func differentSeedDiffers() throws {
        let first = TemporaryDirectory(), second = TemporaryDirectory()
        _ = try CorpusGenerator(articles: 50, seed: 1).write(to: first.path)
        _ = try CorpusGenerator(articles: 50, seed: 2).write(to: second.path)
        let a = try dataFileTexts(first.path), b = try dataFileTexts(second.path)
        #expect(a.map(\.path) == b.map(\.path))
        let same = zip(a, b).filter { $0.text == $1.text }.count
        #expect(same == 0)
    }

    @Test("canonical: one article per file with every header, duplicates planted verbatim")
    func canonicalShapeAndDuplicates() throws {
        let out = TemporaryDirectory()
        let summary = try CorpusGenerator(articles: 1200, seed: 5).write(to: out.path)
        let files = try dataFileTexts(out.path)
        #expect(files.count == 1200 && summary.files == 1200 && summary.entries == 1200)
        #expect(files.first?.path == "0000/000000.txt" && files.last?.path == "0001/001199.txt")
        var seen = [String: String]()
        var repeats = 0
        for file in files {
            let (headers, body) = parseCanonical(file.text)
            for name in ["Title", "Date", "Author", "Category", "Tags"] {
                #expect(!(headers[name] ?? "").isEmpty, "\(file.path) lacks \(name)")
            }
            let key = headers["Title", default: ""] + "|" + headers["Date", default: ""]
            if let earlier = seen[key] {
                repeats += 1
                #expect(earlier == file.text, "a planted duplicate repeats its article verbatim")
            } else {
                seen[key] = file.text
            }
            #expect(body.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 78 || !$0.contains(" ") })
        }
        // About 1%: every repeat is planted, and every planted duplicate is found again.
        #expect(repeats == summary.duplicates)
        #expect((3...30).contains(summary.duplicates))
        #expect(summary.articles == 1200 - summary.duplicates)
    }

    @Test("canonical: 3–8 distinct tags, bodies of 1.5–6 KiB, titles of 4–12 words")
    func canonicalSizes() throws {
        let out = TemporaryDirectory()
        _ = try CorpusGenerator(articles: 400, seed: 9).write(to: out.path)
        var bodySizes = [Int]()
        for file in try dataFileTexts(out.path) {
            let (headers, body) = parseCanonical(file.text)
            let tags = headers["Tags", default: ""].components(separatedBy: ", ")
            #expect((3...8).contains(tags.count), "\(file.path): \(tags.count) tags")
            #expect(Set(tags.map { $0.lowercased() }).count == tags.count)
            // Body: everything after the header block's blank line, newlines included.
            bodySizes.append(body.utf8.count)
            let titleWords = headers["Title", default: ""].split(separator: " ").count
            #expect((4...12).contains(titleWords))
        }
        #expect(bodySizes.allSatisfy { (1536...6144).contains($0) }, "\(bodySizes.min()!)…\(bodySizes.max()!)")
        let mean = bodySizes.reduce(0, +) / bodySizes.count
        #expect((2500...4000).contains(mean))
    }

    @Test("about 5% of the words are non-ASCII")
    func nonASCIIShare() throws {
        let out = TemporaryDirectory()
        _ = try CorpusGenerator(articles: 200, seed: 3).write(to: out.path)
        var words = 0, foreign = 0
        for file in try dataFileTexts(out.path) {
            for word in parseCanonical(file.text).body.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                words += 1
                if word.utf8.contains(where: { $0 >= 0x80 }) { foreign += 1 }
            }
        }
        let percent = foreign * 100 / words
        #expect((3...9).contains(percent), "\(percent)% non-ASCII words")
    }

    @Test("dump: posts with datelines and footers, about 200 per file")
    func dumpShape() throws {
        let out = TemporaryDirectory()
        let summary = try CorpusGenerator(articles: 1000, seed: 11, format: .dump).write(to: out.path)
        let files = try dataFileTexts(out.path)
        #expect(files.count == summary.files && (4...7).contains(files.count))
        let months = CivilDay.monthNames.joined(separator: "|")
        let dateline = try Regex("^(\(months)) [0-9]{1,2}, [0-9]{4}( by [^\\n]+)? (Leave a comment|1 Comment|[0-9]+ Comments)$")
        let footer = try Regex("^► Author: [^|]+ \\| Date: [0-9]{1,2} (\(months)) [0-9]{4} \\| Permalink$")
        var datelines = 0, footers = 0, filed = 0
        for file in files {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                if line.wholeMatch(of: dateline) != nil {
                    datelines += 1
                    #expect(index > 0 && !lines[index - 1].isEmpty, "a dateline follows its title")
                    let opening = lines[index + 1].split(separator: " ").prefix(2)
                    #expect(opening.allSatisfy { $0.allSatisfy { $0.isUppercase } }, "the body opens with a lead-in")
                }
                if line.wholeMatch(of: footer) != nil { footers += 1 }
                if line.hasPrefix("Filed under ") || line.hasPrefix("Tagged with ") { filed += 1 }
            }
        }
        #expect(datelines == 1000 && footers == 1000)
        #expect((850...990).contains(filed))
    }

    @Test("GazetteCore loads generated corpora without a warning and finds exactly the planted duplicates",
          arguments: CorpusFormat.allCases)
    func loaderReadsTheCorpusCleanly(format: CorpusFormat) throws {
        let out = TemporaryDirectory()
        let summary = try CorpusGenerator(articles: format == .canonical ? 1200 : 1000, seed: 5, format: format).write(to: out.path)
        let archive = try ArchiveLoader.load(directories: [out.path])
        #expect(archive.report.warnings.isEmpty, "\(archive.report.warnings.prefix(5))")
        #expect(archive.report.filesSkipped == 0)
        #expect(archive.report.filesRead == summary.files)
        #expect(summary.duplicates > 0, "the corpus must plant duplicates for this to mean anything")
        #expect(archive.report.duplicates.count == summary.duplicates)
        #expect(archive.articles.count == summary.articles)
        #expect(archive.report.bytesRead == summary.bytes)
    }

    @Test("refuses a non-empty output directory unless forced, then replaces the corpus")
    func refusesNonEmptyOutput() throws {
        let out = TemporaryDirectory()
        _ = try CorpusGenerator(articles: 30, seed: 1).write(to: out.path)
        #expect(throws: CorpusGeneratorError.outputNotEmpty(out.path)) {
            try CorpusGenerator(articles: 20, seed: 1).write(to: out.path)
        }
        let summary = try CorpusGenerator(articles: 20, seed: 1).write(to: out.path, force: true)
        #expect(summary.files == 20)
        #expect(try dataFileTexts(out.path).count == 20)
    }
}
