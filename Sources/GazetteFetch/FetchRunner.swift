import Foundation
import GazetteCore
import GazetteFeeds
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How many feeds are fetched at once, in all and per host, and within what limits.
public struct FetchOptions: Sendable {
    public var limits = FetchLimits()
    public var jobs = 8
    public var perHost = 2
    /// Files undated items under this instant (seconds since 1970 UTC) the first time they are seen.
    public var now: Int64 = Int64(Date().timeIntervalSince1970)

    public init() {}
}

/// Fetches subscriptions concurrently and files their items under `DATA/feeds/<folder>/`.
/// One feed's failure never stops the others.
public enum FetchRunner {
    /// Fetches every subscription; `progress` is called (serially) as each one finishes, with the
    /// count done so far. Outcomes come back in the order of `subscriptions`.
    public static func run(_ subscriptions: [Subscription], feedsDirectory: String, options: FetchOptions = FetchOptions(),
                           progress: @escaping @Sendable (FeedOutcome, Int) -> Void = { _, _ in }) -> [FeedOutcome] {
        let client = HTTPClient(limits: options.limits)
        let scheduler = HostScheduler(subscriptions.map { URL(string: $0.url)?.host ?? "" }, perHost: options.perHost)
        let results = OutcomeSlots(count: subscriptions.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(options.jobs, subscriptions.count)) {
            group.enter()
            Thread.detachNewThread {
                while let index = scheduler.next() {
                    let outcome = fetchOne(subscriptions[index], feedsDirectory: feedsDirectory, client: client, options: options)
                    let done = results.store(outcome, at: index)
                    progress(outcome, done)
                    scheduler.finished(index)
                }
                group.leave()
            }
        }
        group.wait()
        client.invalidate()
        return results.values()
    }

    /// Fetches, parses and files one subscription.
    static func fetchOne(_ subscription: Subscription, feedsDirectory: String, client: HTTPClient, options: FetchOptions) -> FeedOutcome {
        let started = Date()
        var outcome = FeedOutcome(subscription: subscription, status: .failed)
        defer { outcome.seconds = Date().timeIntervalSince(started) }
        guard let url = URL(string: subscription.url) else {
            outcome.error = "not a URL"
            return outcome
        }
        let folder = FeedFolder(path: feedsDirectory + "/" + subscription.folder)
        let state = folder.readState().flatMap { $0.url == subscription.url ? $0 : nil }
        let response: HTTPResponse
        switch client.get(url, etag: state?.etag, lastModified: state?.lastModified) {
        case .failure(let failure):
            outcome.error = failure.description
            return outcome
        case .success(let value):
            response = value
        }
        if let moved = response.movedPermanentlyTo, moved.absoluteString != subscription.url {
            outcome.movedTo = moved.absoluteString
        }
        if response.status == 304 {
            outcome.status = .notModified
            return outcome
        }
        guard (200..<300).contains(response.status) else {
            outcome.error = "HTTP \(response.status) \(HTTPURLResponse.localizedString(forStatusCode: response.status))"
            return outcome
        }
        if response.truncated {
            let cap = options.limits.maxBytes
            let size = cap % 1_048_576 == 0 ? "\(cap / 1_048_576) MB" : "\(cap) bytes"
            outcome.warnings.append("response larger than \(size); cut off there")
        }
        var changes = FeedFolder.Changes()
        var writeError: String?
        var items = 0
        var identities = FetchIdentities()
        var dateWarnings: [String] = []
        let feed = FeedParser.parse(response.body, url: response.finalURL, contentType: response.headers["content-type"]) { item, feed in
            guard writeError == nil else { return }
            items += 1
            guard let identity = identities.identity(of: item) else { return }
            let firstSeen = folder.existingDate(of: identity)
            let fallback = firstSeen ?? FeedDate(instant: options.now)
            if item.date == nil, let text = item.unreadableDate {
                let title = item.title.isEmpty ? identity : item.title
                dateWarnings.append("unreadable date \"\(text)\" on \"\(title.prefix(100))\" (\(subscription.url)); "
                    + (firstSeen == nil ? "filed under the fetch time" : "kept under the time it was first fetched"))
            }
            let article = ArticleFileText(item: item, feedTitle: subscription.title ?? feed.title, feedURL: subscription.url,
                                          subscriptionTags: subscription.tags, fallbackDate: fallback, identity: identity)
            do {
                try folder.store(article, changes: &changes)
            } catch {
                writeError = "\(error)"
            }
        }
        if writeError == nil {
            do {
                try folder.commit()
            } catch {
                writeError = "\(error)"
            }
        }
        outcome.feedTitle = feed.title.isEmpty ? nil : feed.title
        outcome.homePage = feed.link
        outcome.added = changes.added
        outcome.updated = changes.updated
        outcome.unchanged = changes.unchanged
        outcome.warnings += feed.problems.map(\.description)
        if let shared = identities.warning { outcome.warnings.append(shared) }
        outcome.warnings += dateWarnings
        if let writeError {
            outcome.error = writeError
            return outcome
        }
        if items == 0, feed.dialect == .unknown {
            outcome.error = feed.problems.first?.description ?? "not a feed"
            outcome.warnings.removeAll { $0 == outcome.error }
            return outcome
        }
        outcome.status = .fetched
        // A cut-off document is not this version of the feed: its validators would get a 304
        // next time and the unfinished item would never come.
        if feed.truncated { return outcome }
        let newState = FeedFolder.State(url: subscription.url, etag: response.headers["etag"],
                                        lastModified: response.headers["last-modified"])
        do {
            try folder.writeState(newState)
        } catch {
            outcome.warnings.append("could not save the fetch state: \(error)")
        }
        return outcome
    }
}

/// Hands out subscription indices so that no host has more than `perHost` in flight.
private struct HostScheduler: Sendable {
    private struct State: Sendable {
        var pending: [Int]
        var active: [String: Int] = [:]
    }

    /// What a worker is told: fetch this index, or stop.
    private enum Turn {
        case fetch(Int)
        case done
    }

    private let state: ConditionValue<State>
    private let hosts: [String]
    private let perHost: Int

    init(_ hosts: [String], perHost: Int) {
        self.hosts = hosts
        self.perHost = max(1, perHost)
        state = ConditionValue(State(pending: Array(hosts.indices)))
    }

    /// The next index whose host has room, waiting while all pending ones are busy; nil when done.
    func next() -> Int? {
        let turn: Turn = state.wait { state in
            if state.pending.isEmpty { return .done }
            guard let position = state.pending.firstIndex(where: { state.active[hosts[$0], default: 0] < perHost }) else { return nil }
            let index = state.pending.remove(at: position)
            state.active[hosts[index], default: 0] += 1
            return .fetch(index)
        }
        if case .fetch(let index) = turn { return index }
        return nil
    }

    func finished(_ index: Int) {
        state.update { $0.active[hosts[index], default: 1] -= 1 }
    }
}

/// One slot per subscription, and the count done so far.
private struct OutcomeSlots: Sendable {
    private let state: LockedValue<(slots: [FeedOutcome?], done: Int)>

    init(count: Int) { state = LockedValue((Array(repeating: nil, count: count), 0)) }

    /// Fills slot `index`; returns how many are filled now.
    func store(_ outcome: FeedOutcome, at index: Int) -> Int {
        state.update { state in
            state.slots[index] = outcome
            state.done += 1
            return state.done
        }
    }

    func values() -> [FeedOutcome] { state.value.slots.map { $0! } }
}
