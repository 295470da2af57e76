/// One file inside an archive file (a zip or tar entry): its text, or why it was not read.
struct ArchiveMember {
    var name: String
    var text: [UInt8]
    var note: String?

    /// An entry worth reading: named like an article file (its last path component), not a
    /// folder, not hidden, not macOS's `__MACOSX/` resource forks, not an archive inside.
    static func isArticleEntry(_ name: String) -> Bool {
        guard let last = lastComponent(name) else { return false }
        guard !last.hasPrefix("."), !Zip.hasSuffix(last.utf8), !Tar.hasSuffix(last.utf8) else { return false }
        return ArticleFileName.isArticle(Array(last.utf8))
    }

    /// An entry whose name has no extension (`ap880212`, `Mail/inbox`): read when its first
    /// bytes say it is a wire file or a mailbox (`opensAsArchive`).
    static func isUnnamedEntry(_ name: String) -> Bool {
        guard let last = lastComponent(name) else { return false }
        return ArticleFileName.isUnnamedCandidate(Array(last.utf8)) && !Compression.hasSuffix(last.utf8)
    }

    /// Whether an unnamed entry's first bytes are a `<DOC>` record or an mbox envelope.
    static func opensAsArchive(_ text: [UInt8]) -> Bool {
        let head = text.prefix(512)
        return ArticleFileName.startsWithDocTag(head) || ArticleFileName.startsWithEnvelope(head)
    }

    /// The last path component of a file entry; nil for a folder or a resource fork.
    private static func lastComponent(_ name: String) -> Substring? {
        guard !name.hasSuffix("/"), !name.hasPrefix("__MACOSX/"), !name.contains("/__MACOSX/") else { return nil }
        return name.split(separator: "/").last
    }
}
