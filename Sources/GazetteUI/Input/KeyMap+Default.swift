/// The key map Gazette ships with (issue 3's keys).
extension KeyMap {
    /// The standard bindings.
    public static let standard = KeyMap(bindings: [
        .global: [
            KeyBinding(.key(.tab), .focusNext, "Next pane"),
            KeyBinding(.key(.backTab), .focusPrevious, "Previous pane"),
            KeyBinding(.key(.character("h")), .focusLeft, "Focus pane to the left"),
            KeyBinding(.key(.left), .focusLeft, "Focus pane to the left"),
            KeyBinding(.key(.character("l")), .focusRight, "Focus pane to the right"),
            KeyBinding(.key(.right), .focusRight, "Focus pane to the right"),
            KeyBinding(.key(.character("[")), .previousArticle, "Previous article"),
            KeyBinding(.key(.character("]")), .nextArticle, "Next article"),
            KeyBinding(.key(.character("/")), .startQuery, "Query (filters as you type)"),
            KeyBinding(.key(.character(":")), .startCommand, "Command line (any action by name)"),
            KeyBinding(.key(.character("c")), .clearFilters, "Clear all filters"),
            KeyBinding(.key(.character("s")), .cycleSort, "Cycle sort: date, title, author, relevance"),
            KeyBinding(.key(.character("v")), .toggleArrangement, "List and reader side by side / stacked"),
            KeyBinding(.key(.character("z")), .toggleZoom, "Zoom the focused pane"),
            KeyBinding(.key(.character("b")), .toggleSidebar, "Hide / show the sidebar"),
            KeyBinding(.key(.character("H")), .toggleHeaders, "Reader: all headers / the useful ones"),
            KeyBinding(.key(.character("T")), .toggleThreaded, "List threaded (replies under parents) / flat"),
            KeyBinding(.key(.character("?")), .toggleHelp, "This help"),
            KeyBinding(.key(.character("w")), .toggleWarnings, "Load warnings (path:line: reason)"),
            KeyBinding(.key(.character("R")), .reload, "Reload the data directories"),
            KeyBinding(.key(.character("F")), .fetchAll, "Fetch the subscribed feeds (background)"),
            KeyBinding(.key(.character("m")), .toggleRead, "Mark read / unread"),
            KeyBinding(.key(.character("M")), .markAllRead, "Mark all in the view read (asks first)"),
            KeyBinding(.key(.character("*")), .toggleStar, "Star / unstar"),
            KeyBinding(.key(.character("t")), .editTags, "Edit tags: +tag -tag (Tab completes)"),
            KeyBinding(.key(.character("u")), .undo, "Undo the last read/star/tag change"),
            KeyBinding(.key(.character("S")), .saveView, "Save the current filter as a view"),
            KeyBinding(.key(.character("q")), .closeOrQuit, "Close help or zoom; else quit"),
            KeyBinding(.key(.control("c")), .quit, "Quit", anywhere: true),
            KeyBinding(.key(.control("l")), .redraw, "Redraw the screen", anywhere: true),
            KeyBinding(.key(.control("z")), .suspend, "Suspend (resume with fg)", anywhere: true),
        ],
        .list: movement + [
            KeyBinding(.key(.enter), .openArticle, "Open the article in the reader"),
        ] + threadLinks,
        .reader: movement + [
            KeyBinding(.key(.character(" ")), .pageDownOrNextArticle, "Page down; at the end, next article"),
            KeyBinding(.key(.character("n")), .nextHit, "Next search hit"),
            KeyBinding(.key(.character("N")), .previousHit, "Previous search hit"),
            KeyBinding(.key(.enter), .openNumbered, "N Enter: open reply or More like this N"),
        ] + threadLinks,
        .sidebar: movement + [
            KeyBinding(.key(.enter), .toggleInclude, "Include the entry (again: remove)"),
            KeyBinding(.key(.character(" ")), .toggleInclude, "Include the entry (again: remove)"),
            KeyBinding(.key(.character("x")), .toggleExclude, "Exclude the entry (again: remove)"),
            KeyBinding(.key(.character("-")), .toggleExclude, "Exclude the entry (again: remove)"),
            KeyBinding(.key(.character("r")), .renameView, "Rename the saved view"),
            KeyBinding(.key(.character("d")), .deleteView, "Delete the saved view (asks first)"),
        ],
        .prompt: [
            KeyBinding(.key(.enter), .promptSubmit, "Keep the query; run the command"),
            KeyBinding(.key(.escape), .promptCancel, "Close (a query: restore the last)"),
            KeyBinding(.key(.backspace), .promptDeleteBackward, "Delete a character"),
            KeyBinding(.key(.delete), .promptDeleteBackward, "Delete a character"),
            KeyBinding(.key(.control("w")), .promptDeleteWord, "Delete a word"),
            KeyBinding(.key(.control("u")), .promptClear, "Clear the line"),
            KeyBinding(.key(.tab), .promptComplete, "Complete a tag or a command"),
            // The action here is a stand-in: `.anyCharacter` yields `.promptInsert` of the typed character.
            KeyBinding(.anyCharacter, .promptInsert(" "), "Type"),
        ],
        .help: overlayScrolling + [
            KeyBinding(.key(.character("?")), .toggleHelp, "Close help"),
            KeyBinding(.key(.character("q")), .toggleHelp, "Close help"),
            KeyBinding(.key(.escape), .toggleHelp, "Close help"),
        ],
        .warnings: overlayScrolling + [
            KeyBinding(.key(.character("w")), .toggleWarnings, "Close the warnings"),
            KeyBinding(.key(.character("q")), .toggleWarnings, "Close the warnings"),
            KeyBinding(.key(.escape), .toggleWarnings, "Close the warnings"),
        ],
    ])

    /// Following the reader's thread links, its URLs and handing the article to other programs,
    /// from the list or the reader. Digits are a count: `3o` opens link 3.
    static let threadLinks: [KeyBinding] = [
        KeyBinding(.key(.character("p")), .openParent, "Open the article this one replies to"),
        KeyBinding(.key(.character("o")), .openLink, "Open the link in the browser (3o: link [3])"),
        KeyBinding(.key(.character("y")), .copyLink, "Copy the link (OSC 52; 3y: link [3])"),
        KeyBinding(.key(.character("|")), .pipeArticle, "Pipe the article to a shell command"),
        KeyBinding(.key(.character("e")), .editSource, "Edit the article's file in $EDITOR"),
    ] + (1...9).map { digit in
        KeyBinding(.key(.character(Character(String(digit)))), .countDigit(digit), "Count for the next key (3o, 2 Enter)")
    } + [KeyBinding(.key(.character("0")), .countDigit(0), "Count digit after 1–9 (10o: link [10])")]

    /// Scrolling shared by the help and warnings overlays.
    static let overlayScrolling: [KeyBinding] = [
        KeyBinding(.key(.character("j")), .moveDown, "Scroll down"),
        KeyBinding(.key(.down), .moveDown, "Scroll down"),
        KeyBinding(.key(.character("k")), .moveUp, "Scroll up"),
        KeyBinding(.key(.up), .moveUp, "Scroll up"),
        KeyBinding(.key(.pageDown), .pageDown, "Page down"),
        KeyBinding(.key(.character(" ")), .pageDown, "Page down"),
        KeyBinding(.key(.pageUp), .pageUp, "Page up"),
        KeyBinding(.key(.character("g")), .moveToTop, "Top"),
        KeyBinding(.key(.home), .moveToTop, "Top"),
        KeyBinding(.key(.character("G")), .moveToBottom, "Bottom"),
        KeyBinding(.key(.end), .moveToBottom, "Bottom"),
        KeyBinding(.key(.control("d")), .halfPageDown, "Half page down"),
        KeyBinding(.key(.control("u")), .halfPageUp, "Half page up"),
    ]

    /// Movement shared by the three panes.
    static let movement: [KeyBinding] = [
        KeyBinding(.key(.character("j")), .moveDown, "Down"),
        KeyBinding(.key(.down), .moveDown, "Down"),
        KeyBinding(.key(.character("k")), .moveUp, "Up"),
        KeyBinding(.key(.up), .moveUp, "Up"),
        KeyBinding(.key(.character("g")), .moveToTop, "Top"),
        KeyBinding(.key(.home), .moveToTop, "Top"),
        KeyBinding(.key(.character("G")), .moveToBottom, "Bottom"),
        KeyBinding(.key(.end), .moveToBottom, "Bottom"),
        KeyBinding(.key(.pageDown), .pageDown, "Page down"),
        KeyBinding(.key(.pageUp), .pageUp, "Page up"),
        KeyBinding(.key(.control("d")), .halfPageDown, "Half page down"),
        KeyBinding(.key(.control("u")), .halfPageUp, "Half page up"),
    ]
}
