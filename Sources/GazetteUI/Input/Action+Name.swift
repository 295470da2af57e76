/// Stable names for the actions a key can be bound to (config files, the `:` command line).
///
/// Adding an action that users may bind means its case, its reducer branch and a row here.
extension Action {
    /// Every bindable action by name, in the order the help and the completion list them.
    public static let named: [(name: String, action: Action)] = [
        ("move-down", .moveDown), ("move-up", .moveUp), ("top", .moveToTop), ("bottom", .moveToBottom),
        ("page-down", .pageDown), ("page-up", .pageUp), ("half-page-down", .halfPageDown), ("half-page-up", .halfPageUp),
        ("focus-next", .focusNext), ("focus-previous", .focusPrevious), ("focus-left", .focusLeft), ("focus-right", .focusRight),
        ("open", .openArticle), ("page-down-or-next", .pageDownOrNextArticle),
        ("previous-article", .previousArticle), ("next-article", .nextArticle),
        ("include", .toggleInclude), ("exclude", .toggleExclude),
        ("query", .startQuery), ("command-line", .startCommand), ("next-hit", .nextHit), ("previous-hit", .previousHit),
        ("clear-filters", .clearFilters), ("cycle-sort", .cycleSort),
        ("toggle-read", .toggleRead), ("mark-all-read", .markAllRead), ("toggle-star", .toggleStar), ("edit-tags", .editTags),
        ("undo", .undo), ("save-view", .saveView), ("rename-view", .renameView), ("delete-view", .deleteView),
        ("help", .toggleHelp), ("warnings", .toggleWarnings), ("arrangement", .toggleArrangement), ("zoom", .toggleZoom),
        ("sidebar", .toggleSidebar), ("headers", .toggleHeaders), ("threaded", .toggleThreaded),
        ("open-parent", .openParent),
        ("open-link", .openLink), ("copy-link", .copyLink), ("pipe", .pipeArticle), ("edit", .editSource),
        ("open-numbered", .openNumbered),
    ] + (0...9).map { ("count-\($0)", Action.countDigit($0)) }
      + (1...9).map { ("open-reply-\($0)", Action.openReply($0)) } + [
        ("reload", .reload), ("fetch", .fetchAll), ("close-or-quit", .closeOrQuit), ("quit", .quit), ("redraw", .redraw), ("suspend", .suspend),
    ]

    private static let byName: [String: Action] = Dictionary(named.map { ($0.name, $0.action) }, uniquingKeysWith: { first, _ in first })

    /// The action called `name`, or nil.
    public init?(name: String) {
        guard let action = Self.byName[name.lowercased()] else { return nil }
        self = action
    }

    /// The action's stable name; nil for actions no key can be bound to (prompt editing, messages
    /// from the run loop).
    public var name: String? { Self.named.first { $0.action == self }?.name }
}
