/// Which file names outside a Maildir hold articles: one rule for the walk, the warm check and
/// the watcher, so the three never disagree about what the archive is.
///
/// `.txt` (articles, blog dumps, Usenet posts saved by hand), `.mbox` (mailing-list archives),
/// `.eml` (one mail saved from a mail client), `.sgm`/`.sgml` (wire archives such as
/// Reuters-21578's `reut2-000.sgm`) and a name of digits only: a Usenet spool keeps
/// `comp/lang/swift/42` (INN's tradspool, leafnode, slrnpull) and an MH folder keeps
/// `inbox/17`. Anything else (images, PDFs, `.overview` files, notes) is not read.
public enum ArticleFileName {
    /// What is read, for messages shown when nothing was found.
    public static let kinds = ".txt, .mbox, .eml and .sgm files, numbered files (news spools, MH) and Maildir folders"

    /// Whether a file called `name` (its last path component, not hidden) is read as articles.
    static func isArticle<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        hasArticleExtension(name) || isNumber(name)
    }

    /// Whether `name` ends in an article file's extension: a directory so named is warned about
    /// (someone meant a file), while a numbered directory is just a year or a month.
    static func hasArticleExtension<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        hasSuffix(name, ".txt") || hasSuffix(name, ".mbox") || hasSuffix(name, ".eml") || hasSuffix(name, ".sgm") || hasSuffix(name, ".sgml")
    }

    /// All ASCII digits, at most 12 of them (article numbers; a 13-digit name is more likely a timestamp).
    private static func isNumber<Name: Collection<UInt8>>(_ name: Name) -> Bool {
        var count = 0
        for byte in name {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            count += 1
        }
        return count > 0 && count <= 12
    }

    /// Ends in `suffix` with something before it (`.txt` alone is a hidden name, not an article).
    private static func hasSuffix<Name: BidirectionalCollection<UInt8>>(_ name: Name, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        var index = name.endIndex
        for offset in stride(from: count - 1, through: 0, by: -1) {
            guard index != name.startIndex else { return false }
            name.formIndex(before: &index)
            guard name[index] == suffix.utf8Start[offset] else { return false }
        }
        return index != name.startIndex
    }
}
