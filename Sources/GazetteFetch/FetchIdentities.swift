import GazetteFeeds

/// The identities one fetch files its items under, told apart when a feed gives several different
/// items the same GUID (a CMS that writes the channel's URL into every `<guid>`).
///
/// The first item keeps its plain identity, so a feed that later repeats a GUID never duplicates
/// the file it already has; each later, different item with that identity falls back to the
/// identity plus its link, else plus its title. An item repeated as it was is filed once.
struct FetchIdentities {
    private struct Seen: Hashable {
        var link: String?
        var title: String
    }

    /// What was filed under each plain identity in this fetch.
    private var seen: [String: Set<Seen>] = [:]
    private var taken: Set<String> = []
    /// Items that needed a fallback, and the first GUID they shared.
    private(set) var toldApart = 0
    private(set) var sharedExample: String?

    /// The identity to file `item` under; nil when the same item came earlier in this fetch.
    mutating func identity(of item: FeedItem) -> String? {
        let plain = item.identity
        let key = Seen(link: item.link, title: item.title)
        guard let earlier = seen[plain] else {
            seen[plain] = [key]
            taken.insert(plain)
            return plain
        }
        guard !earlier.contains(key) else { return nil }
        seen[plain, default: []].insert(key)
        var candidates: [String] = []
        if let link = item.link, !link.isEmpty, link != plain { candidates.append(plain + "|" + link) }
        if !item.title.isEmpty { candidates.append(plain + "|" + item.title) }
        candidates.append(plain + "|" + (item.link ?? "") + "|" + item.title)
        guard let identity = candidates.first(where: { !taken.contains($0) }) else { return nil }
        taken.insert(identity)
        toldApart += 1
        if sharedExample == nil { sharedExample = plain }
        return identity
    }

    /// The fetch's one warning about shared GUIDs, if any were.
    var warning: String? {
        guard toldApart > 0, let sharedExample else { return nil }
        let items = toldApart == 1 ? "1 item shares" : "\(toldApart) items share"
        return "\(items) another item's guid (\(sharedExample.prefix(200))); told apart by link or title"
    }
}
