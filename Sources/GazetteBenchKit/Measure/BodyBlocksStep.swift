import GazetteCore
import GazetteUI

extension BenchSuite {
    /// Reading a huge body into blocks and laying it out for the reader, on a synthetic body of
    /// `megabytes` MB in every shape the block rules know (quotes two deep, attributions, a
    /// table, wire paragraphs, a list, code): what opening or `show`ing a giant article costs.
    public static func bodyBlocks(megabytes: Int = 8) -> BenchStep {
        BenchStep(name: "body blocks") { context in
            let body = BodyShapes.body(bytes: megabytes << 20)
            let article = Article(title: "Giant body", paragraphs: [body], source: SourceLocation(path: "bench", line: 1))
            var blockCount = 0
            let parse = Trials.measure(repetitions: max(1, min(context.repetitions, 5))) {
                blockCount = BodyParser.blocks(utf8: article.bodyUTF8).count
            }
            var lineCount = 0
            let layout = Trials.measure(repetitions: max(1, min(context.repetitions, 2))) {
                lineCount = ReaderDocument.layout(article, width: 80).lines.count
            }
            return [
                Figure("body blocks: parse \(megabytes) MB (\(blockCount) blocks)", .time(parse), target: .p95AtMost(seconds: Double(megabytes) * 0.1)),
                Figure("body blocks: reader layout \(megabytes) MB at 80 cols (\(lineCount) lines)", .time(layout)),
            ]
        }
    }
}

/// A body built by repeating one stretch of mail/news/wire text in every block shape.
enum BodyShapes {
    static let unit = """
    In article <1993Apr28.1402@cs.example> kb@cs.example (Kay Bell) writes:
    >In article <C6A2x1@news.example> dtr@news.example writes:
    >>The spring launches will all slip; the pad crews are stretched far
    >>too thin to turn two vehicles around in three weeks.
    >
    >They already published the dates:
    >
    >  April 27  STS-55   Columbia    Spacelab D2
    >  May 19    Titan    IV          classified

        Shares of Kestrel Lawn Corp shot up 11-1/2 to 39-1/2 in heavy
    trading after Waste Haulers Inc offered 27 dlrs a share.
        Kestrel said it had not received the offer.

    Things to check:
    - the valve sensor on the
      second stage
    - the weather

        for (i = 0; i < n; i++) {
            total += a[i];
        }


    """

    static func body(bytes: Int) -> String {
        var text = ""
        text.reserveCapacity(bytes + unit.utf8.count)
        while text.utf8.count < bytes { text += unit }
        return text
    }
}
