/// One feed the user subscribed to.
public struct Subscription: Sendable, Hashable, Codable {
    public var url: String
    /// The user's title, else the feed's own (filled in on the first fetch).
    public var title: String?
    public var tags: [String]
    /// The folder under `DATA/feeds/` its articles go to; fixed when subscribing, so a renamed
    /// feed or a moved URL keeps filing into the same place.
    public var folder: String
    /// The site's home page, when known.
    public var homePage: String?

    public init(url: String, title: String? = nil, tags: [String] = [], folder: String? = nil, homePage: String? = nil) {
        self.url = url
        self.title = title
        self.tags = tags
        self.folder = folder ?? SafeFileName.folder(title: title, url: url)
        self.homePage = homePage
    }
}
