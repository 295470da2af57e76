/// The two article formats the generator writes.
public enum CorpusFormat: String, Sendable, Codable, CaseIterable {
    /// One article per file: a header block, a blank line, paragraphs wrapped at ~80 columns.
    case canonical
    /// The seed's blog-dump shape: about 200 posts per file.
    case dump
}
