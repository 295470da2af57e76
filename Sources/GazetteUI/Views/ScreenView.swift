/// The whole screen: each view drawn into its rectangle of a `ScreenLayout`, plus separators,
/// the status bar, the prompt and (on top) a list overlay: help, warnings.
public struct ScreenView {
    public var layout: ScreenLayout
    public var sidebar: SidebarView
    public var list: ArticleListView
    public var reader: ReaderView
    public var status: StatusBarView.Status
    public var prompt: StatusBarView.Prompt?
    public var overlay: ListOverlayView?

    public init(
        layout: ScreenLayout, sidebar: SidebarView, list: ArticleListView, reader: ReaderView,
        status: StatusBarView.Status, prompt: StatusBarView.Prompt? = nil, overlay: ListOverlayView? = nil
    ) {
        self.layout = layout
        self.sidebar = sidebar
        self.list = list
        self.reader = reader
        self.status = status
        self.prompt = prompt
        self.overlay = overlay
    }

    /// A fresh canvas the size of the layout with everything drawn.
    public func render() -> Canvas {
        var canvas = Canvas(width: layout.width, height: layout.height)
        render(into: &canvas)
        return canvas
    }

    /// Draws everything into `canvas`.
    public func render(into canvas: inout Canvas) {
        if let tooSmall = layout.tooSmall {
            TooSmallView().render(into: &canvas, in: tooSmall)
            return
        }
        if let rect = layout.sidebar { sidebar.render(into: &canvas, in: rect) }
        if let rect = layout.list { list.render(into: &canvas, in: rect) }
        if let rect = layout.reader { reader.render(into: &canvas, in: rect) }
        for separator in layout.separators {
            canvas.fill(separator, style: Style(.border, dim: true), character: "│")
        }
        if let rect = layout.statusBar { StatusBarView(.status(status)).render(into: &canvas, in: rect) }
        if let rect = layout.prompt {
            StatusBarView(.prompt(prompt ?? StatusBarView.Prompt(text: ""))).render(into: &canvas, in: rect)
        }
        if let overlay { overlay.render(into: &canvas, in: layout.overlayArea) }
    }
}
