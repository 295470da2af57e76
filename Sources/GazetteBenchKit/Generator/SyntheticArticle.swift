/// One generated article, with the choices that both formats need (text pre-encoded as UTF-8).
public struct SyntheticArticle: Sendable {
    /// How the canonical `Date:` header is written.
    public enum DateStyle: Sendable { case isoDay, isoInstant, monthDayYear, rfc2822 }
    /// Which parts the dump's `Filed under … Tagged with …` line has.
    public enum FiledLine: Sendable { case categoryAndTags, categoryOnly, tagsOnly, absent }

    public var title: [UInt8]
    public var day: CivilDay
    /// Seconds into the day, used by the styles that carry a time.
    public var secondOfDay: Int
    public var dateStyle: DateStyle
    /// Indices into `FacetVocabulary.authors`, `.categories` and `.tags`.
    public var author: Int
    public var category: Int
    /// 3–8 distinct tags.
    public var tags: [Int]
    public var comments: Int
    /// Whether the canonical file has a `Comments:` header.
    public var hasCommentsHeader: Bool
    public var link: String?
    /// Paragraphs, each one line of text; the first starts with `leadInWords` ASCII words.
    public var paragraphs: [[UInt8]]
    public var leadInWords: Int
    /// The dump's teasers of other posts (written after the footer).
    public var teasers: [[UInt8]]
    public var datelineHasAuthor: Bool
    public var filedLine: FiledLine
    public var teasersBeforeFiledLine: Bool
    /// Blank lines written after the post in a dump (at least one).
    public var blankLinesAfter: Int

    /// Bytes of body text (paragraphs without separators).
    public var bodyTextBytes: Int { paragraphs.reduce(0) { $0 + $1.count } }
}
