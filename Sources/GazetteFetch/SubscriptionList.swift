import Foundation
import GazetteFeeds

/// The subscriptions file (`$XDG_CONFIG_HOME/gazette/feeds.opml`): read, changed, written back
/// atomically.
public struct SubscriptionList {
    public let path: String
    public var subscriptions: [Subscription]

    /// `$GAZETTE_FEEDS`, else `$XDG_CONFIG_HOME/gazette/feeds.opml`, else `~/.config/gazette/feeds.opml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["GAZETTE_FEEDS"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/gazette/feeds.opml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/gazette/feeds.opml"
    }

    /// Reads the file; a missing file is an empty list, a broken one an error naming it.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            subscriptions = []
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FetchFailure("\(path): cannot read")
        }
        do {
            subscriptions = try OPML.parse(Array(data))
        } catch let error as OPML.ParseError {
            throw FetchFailure("\(path):\(error.line): \(error.reason)")
        }
    }

    public func save() throws {
        try AtomicFile.write(Array(OPML.render(subscriptions).utf8), to: path)
    }

    public func index(of url: String) -> Int? {
        let wanted = Self.normalized(url)
        return subscriptions.firstIndex { Self.normalized($0.url) == wanted }
    }

    /// Adds or, for a URL already there, merges tags and title. True when it was new.
    @discardableResult
    public mutating func add(_ subscription: Subscription) -> Bool {
        if let index = index(of: subscription.url) {
            var existing = subscriptions[index]
            for tag in subscription.tags where !existing.tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
                existing.tags.append(tag)
            }
            if let title = subscription.title { existing.title = title }
            subscriptions[index] = existing
            return false
        }
        var fresh = subscription
        // Two feeds with the same title still get folders of their own.
        if subscriptions.contains(where: { $0.folder == fresh.folder }) {
            fresh.folder += "-" + SafeFileName.shortHash(fresh.url)
        }
        subscriptions.append(fresh)
        return true
    }

    /// A URL compared without a trailing slash and with its scheme and host lower-cased.
    static func normalized(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("/") { text.removeLast() }
        guard var components = URLComponents(string: text) else { return text }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        return components.string ?? text
    }
}
