import Foundation
@testable import GazetteCore

/// A small data directory of the project's own writing (wire story, dump with two posts, a
/// duplicate, a warning), with a snapshot path beside it.
final class SnapshotCorpus {
    let scratch = SnapshotScratch()
    var data: String { scratch.child("data") }
    var snapshotPath: String { scratch.child("cache/snapshot-test.gzsnap") }

    init() {
        scratch.write("data/wire/morning.txt", """
            Title: Border crossing reopens after the cable affair
            Date: 2024-03-05T06:30:00Z
            Author: Wire desk
            Category: Europe
            Tags: border, Cold War, cable

            VIENNA — The crossing at the old border post reopened on Tuesday, the
            ministry said, a week after a cable was found cut near the tunnel.

            Officials declined to say who had cut it. "We are looking at everything,"
            one said.
            """)
        scratch.write("data/wire/evening.txt", """
            Title: Courier detained at Zürich station
            Date: 5 March 2024
            Author: Anna Müller
            Category: Europe
            Tags: courier, Switzerland, CIA
            Comments: 7
            X-Wire-Priority: urgent

            A courier carrying a cipher notebook was detained at Zürich station.
            The notebook listed a safehouse in Москва and a contact in 東京.
            """)
        scratch.write("data/dup/copy.txt", """
            Title: Courier detained at Zürich station
            Date: 2024-03-05
            Author: Anna Müller

            A courier carrying a cipher notebook was detained at Zürich station. The notebook
            listed a safehouse in Москва and a contact in 東京.
            """)
        scratch.write("data/notes/undated.txt", """
            Title: Undated memo on the tunnel
            Tags: tunnel, Berlin
            Date: sometime in spring

            Operation Gold tapped Soviet cables under Berlin.
            """)
        scratch.write("data/notes/plain.txt", """
            Title: Handler notes on an asset
            Date: 1999-12-31
            Author: History desk
            Tags: asset, handler

            The handler met the asset at the café. The asset handed over a report
            on the intercept network.
            """)
    }

    /// Loads through the snapshot and waits for any new snapshot to be written.
    func cachedLoad() throws -> CachedLoad {
        let load = try CachedLoader.load(directories: [data], snapshotPath: snapshotPath)
        _ = load.write?.wait()
        return load
    }

    /// A fresh load with no snapshot at all: the reference.
    func freshStore() throws -> ArticleStore {
        ArticleStore(articles: try ArchiveLoader.load(directories: [data]).articles)
    }

    static let queries = [
        "", "courier", "tunnel OR cable", "\"cipher notebook\"", "cou*", "tag:cia", "-tag:border", "author:müller",
        "year:2024", "before:2000", "zürich", "москва", "東京", "asset handler", "\"the asset\"", "\"safe*\"",
    ]
}
