import GazetteFeeds

extension SubscriptionList {
    /// Follows permanent redirects and fills in the titles and home pages the feeds gave; true
    /// when the list changed (and should be saved).
    public mutating func apply(_ outcomes: [FeedOutcome]) -> Bool {
        var changed = false
        for outcome in outcomes {
            guard let index = index(of: outcome.subscription.url) else { continue }
            if let moved = outcome.movedTo, self.index(of: moved) == nil {
                subscriptions[index].url = moved
                changed = true
            }
            if subscriptions[index].title == nil, let title = outcome.feedTitle {
                subscriptions[index].title = HTMLText.collapse(title)
                changed = true
            }
            if subscriptions[index].homePage == nil, let home = outcome.homePage {
                subscriptions[index].homePage = home
                changed = true
            }
        }
        return changed
    }
}
