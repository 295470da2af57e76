/// The three panes of the browser.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case sidebar, list, reader
}

/// How the list and reader share their area.
public enum PaneArrangement: Sendable, Hashable {
    /// List above reader, like a mail client.
    case stacked
    /// List left of reader (`v`).
    case sideBySide
}

/// The user's layout choices that `ScreenLayout` turns into rectangles.
public struct LayoutOptions: Sendable, Hashable {
    public var sidebarShown: Bool
    public var arrangement: PaneArrangement
    /// The focused pane fills the whole pane area (`z`).
    public var zoomed: Bool
    public var focus: Pane
    /// The `/` prompt is open and needs its row.
    public var promptActive: Bool
    /// The sidebar's width when it is shown (`[layout] sidebar-width`); nil: from the screen width.
    public var sidebarWidth: Int?

    public init(
        sidebarShown: Bool = true, arrangement: PaneArrangement = .stacked, zoomed: Bool = false,
        focus: Pane = .list, promptActive: Bool = false
    ) {
        self.sidebarShown = sidebarShown
        self.arrangement = arrangement
        self.zoomed = zoomed
        self.focus = focus
        self.promptActive = promptActive
    }
}

/// Rectangles for every part of the screen at one size; parts not shown are nil.
///
/// The shown rectangles (panes, separators, status bar, prompt, or the too-small notice)
/// never overlap and together cover the screen exactly.
public struct ScreenLayout: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var sidebar: Rect?
    public var list: Rect?
    public var reader: Rect?
    /// One-column vertical rules between side-by-side panes.
    public var separators: [Rect]
    public var statusBar: Rect?
    public var prompt: Rect?
    /// Set (to the whole screen) when the terminal is below the usable minimum.
    public var tooSmall: Rect?

    /// Below this the screen shows only the "terminal too small" notice.
    public static let minimumWidth = 20
    public static let minimumHeight = 5
    /// At or above this width all three panes are shown.
    public static let wideWidth = 120
    /// Below this width the sidebar is hidden (unless focused).
    public static let narrowWidth = 80
    /// Below these only one pane is shown at a time.
    public static let singlePaneWidth = 40
    public static let singlePaneHeight = 8

    /// Where overlays are drawn: the screen above the status line.
    public var overlayArea: Rect { Rect(x: 0, y: 0, width: width, height: max(0, height - 1)) }

    /// The rectangle of `pane`, if shown.
    public func rect(for pane: Pane) -> Rect? {
        switch pane {
        case .sidebar: sidebar
        case .list: list
        case .reader: reader
        }
    }

    /// Panes shown, left to right / top to bottom: the order Tab cycles through.
    public var visiblePanes: [Pane] { Pane.allCases.filter { rect(for: $0) != nil } }

    /// Every shown rectangle, for drawing and for tiling checks.
    public var allRects: [Rect] {
        [sidebar, list, reader, statusBar, prompt, tooSmall].compactMap { $0 } + separators
    }

    /// Lays out a `width` × `height` screen.
    public init(width: Int, height: Int, options: LayoutOptions = LayoutOptions()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.separators = []
        let screen = Rect(x: 0, y: 0, width: self.width, height: self.height)
        guard self.width >= Self.minimumWidth, self.height >= Self.minimumHeight else {
            tooSmall = screen
            return
        }
        var paneRows = self.height - 1
        if options.promptActive {
            prompt = screen.row(self.height - 1)
            if self.height >= Self.singlePaneHeight {
                paneRows -= 1
                statusBar = screen.row(self.height - 2)
            }
        } else {
            statusBar = screen.row(self.height - 1)
        }
        let area = Rect(x: 0, y: 0, width: self.width, height: paneRows)

        let single = self.width < Self.singlePaneWidth || self.height < Self.singlePaneHeight
        if options.zoomed || single {
            place(options.focus, in: area)
            return
        }
        let sidebarFits = self.width >= Self.narrowWidth && options.sidebarShown
        var rest = area
        if sidebarFits {
            // A configured width leaves the list and reader at least half the screen.
            let automatic = self.width >= Self.wideWidth ? min(30, max(24, self.width / 5)) : 22
            let sidebarWidth = options.sidebarWidth.map { min($0, self.width / 2) } ?? automatic
            sidebar = Rect(x: 0, y: 0, width: sidebarWidth, height: paneRows)
            separators.append(Rect(x: sidebarWidth, y: 0, width: 1, height: paneRows))
            rest = Rect(x: sidebarWidth + 1, y: 0, width: self.width - sidebarWidth - 1, height: paneRows)
        }
        // A focused sidebar that has no room of its own takes the list's place.
        let first: Pane = (options.focus == .sidebar && !sidebarFits) ? .sidebar : .list
        switch options.arrangement {
        case .stacked:
            let top = max(2, (rest.height * 2) / 5)
            place(first, in: Rect(x: rest.x, y: 0, width: rest.width, height: top))
            reader = Rect(x: rest.x, y: top, width: rest.width, height: rest.height - top)
        case .sideBySide:
            let left = max(10, ((rest.width - 1) * 2) / 5)
            place(first, in: Rect(x: rest.x, y: 0, width: left, height: rest.height))
            separators.append(Rect(x: rest.x + left, y: 0, width: 1, height: rest.height))
            reader = Rect(x: rest.x + left + 1, y: 0, width: rest.width - left - 1, height: rest.height)
        }
    }

    private mutating func place(_ pane: Pane, in rect: Rect) {
        switch pane {
        case .sidebar: sidebar = rect
        case .list: list = rect
        case .reader: reader = rect
        }
    }
}
