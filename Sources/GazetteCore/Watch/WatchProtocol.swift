import Foundation

/// What the CLI asks a watcher and what it answers: one line each way, versioned.
///
/// The client sends `gazette-watch/1 vouch`; the watcher answers `gazette-watch/1 clean` with the
/// five numbers that identify the snapshot file it compared the tree with (device, inode, size,
/// mtime and ctime in ns), or `gazette-watch/1 unknown`. Anything else — another version, a line
/// too long, a malformed number — is no answer, and the client checks the files itself.
public enum WatchProtocol {
    static let version = "gazette-watch/1"
    static let request = version + " vouch\n"
    /// The longest line either side reads.
    static let maximumLine = 256

    /// A watcher's answer.
    public enum Answer: Sendable, Equatable {
        /// Every data directory is exactly as the snapshot with this identity records it.
        case clean(snapshot: [UInt64])
        /// Something changed, or the watcher has not checked yet.
        case unknown
    }

    static func encode(_ answer: Answer) -> String {
        switch answer {
        case .clean(let identity): version + " clean " + identity.map(String.init).joined(separator: " ") + "\n"
        case .unknown: version + " unknown\n"
        }
    }

    /// The answer in `line` (without its newline); nil for anything malformed or of another version.
    static func decode(_ line: some StringProtocol) -> Answer? {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count >= 2, words[0] == version else { return nil }
        switch words[1] {
        case "unknown" where words.count == 2:
            return .unknown
        case "clean" where words.count == 2 + SnapshotMapping.identityCount:
            var identity: [UInt64] = []
            for word in words.dropFirst(2) {
                guard !word.isEmpty, word.allSatisfy(\.isASCII), let value = UInt64(word) else { return nil }
                identity.append(value)
            }
            return .clean(snapshot: identity)
        default:
            return nil
        }
    }

    /// True when `line` is this version's request.
    static func isRequest(_ line: some StringProtocol) -> Bool { line == request.dropLast() }
}
