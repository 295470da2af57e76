/// One row of the query language's field table: a name, how its value parses, how it evaluates.
///
/// `QueryFields.table` drives the parser, the "unknown field" message and evaluation, so a new
/// field (`thread:`, say) is one row: no parser, node or evaluator switch changes.
struct QueryField: Sendable {
    /// The name before the colon, lower-case (`tag`, `is`, `after`).
    let name: String
    /// What the value looks like, for error messages: `YYYY`, `unread, read or starred`.
    let valueHelp: String
    /// Whether evaluating it needs the full-text index (then the UI waits for the index build).
    let needsTextIndex: Bool
    /// Turns the trimmed, non-empty value into the argument evaluation uses; a bad value throws
    /// a message (the parser adds the column).
    let parse: @Sendable (_ value: String, _ today: DayKey) throws(FieldValueError) -> FieldArgument
    /// The articles matching the argument (exact on `context.within`; bits outside it are unspecified).
    let evaluate: @Sendable (_ argument: FieldArgument, _ context: FieldContext) -> Bitset
}

/// A field value that does not parse: what is wrong, e.g. `bad year '20x' (expected YYYY)`.
struct FieldValueError: Error, Sendable {
    let message: String
}

/// A parsed field value, in one of a few shapes shared by the fields.
enum FieldArgument: Sendable, Equatable {
    /// A value matched exactly (case-insensitively): its lower-cased key.
    case exact(String)
    /// Text matched as a substring of a folded value.
    case contains(String)
    /// Written days in `[from, before)` as `YYYYMMDD` keys; nil is open.
    case days(from: Int32?, before: Int32?)
    /// A reader-state flag (`is:unread`).
    case flag(ReaderFlag)
}

/// The reader-state flags `is:` tests.
public enum ReaderFlag: String, Sendable, CaseIterable {
    case unread, read, starred
}

/// What a field's evaluation may read: the store, the reader's state and the articles still in play.
struct FieldContext {
    let store: ArticleStore
    let overlay: ReaderOverlay?
    let within: Bitset
}

/// A `field:value` term of a parsed query.
struct FieldTerm: Sendable, Equatable {
    /// The row's name in `QueryFields.table`.
    let field: String
    let argument: FieldArgument
}
