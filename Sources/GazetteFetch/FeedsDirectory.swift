import Foundation

/// `DATA/feeds`, the one folder fetching writes into.
public enum FeedsDirectory {
    /// `dataDirectory/feeds`, created when missing; an error saying why it cannot be written.
    public static func prepare(in dataDirectory: String) throws -> String {
        let feeds = (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/") + "feeds"
        do {
            try FileManager.default.createDirectory(atPath: feeds, withIntermediateDirectories: true)
        } catch {
            throw FetchFailure("cannot create \(feeds): \(error.localizedDescription)")
        }
        guard access(feeds, W_OK) == 0 else { throw FetchFailure("\(feeds): not writable") }
        return feeds
    }
}
