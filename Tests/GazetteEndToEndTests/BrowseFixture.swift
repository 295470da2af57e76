import Foundation

/// A data directory written at test time for the browser's end-to-end tests: four canonical
/// articles (one full of planted escape sequences) and a dump with one post.
struct BrowseFixture {
    let root: URL

    static let titles = [
        "Harbour pilots strike at dawn",
        "Lighthouse keeper retires after forty years",
        "Orchard frost ruins the cider harvest",
        "Ferry timetable cut for the winter",
        "Planted control sequences",
    ]

    /// The escape sequences planted in the hostile article, as the bytes that must never reach the pane.
    static let plantedSequences: [(name: String, bytes: [UInt8])] = [
        ("ESC [ 2 J", Array("\u{1B}[2J".utf8)),
        ("OSC 0 title", Array("\u{1B}]0;".utf8)),
        ("OSC 52 clipboard", Array("\u{1B}]52".utf8)),
        ("C1 CSI U+009B", Array("\u{9B}".utf8)),
        ("BEL", [0x07]),
    ]

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("gazette-browse-\(UUID().uuidString)")
        let articles = root.appendingPathComponent("articles")
        let dumps = root.appendingPathComponent("dumps")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        try Self.canonical(
            title: Self.titles[0], date: "March 9, 2024", author: "Coast desk", category: "Local",
            tags: "Harbour, Strike",
            body: ["PILOTS AT THE HARBOUR stopped work before sunrise, leaving three tankers at anchor.",
                   "The port authority said talks would resume on Monday."]
        ).write(to: articles.appendingPathComponent("pilots.txt"), atomically: true, encoding: .utf8)
        try Self.canonical(
            title: Self.titles[1], date: "November 2, 2023", author: "Coast desk", category: "People",
            tags: "Lighthouse, Harbour",
            body: ["For forty years the keeper climbed one hundred and twelve steps every evening.",
                   "The light is automatic now, and the keeper plans to keep bees."]
        ).write(to: articles.appendingPathComponent("keeper.txt"), atomically: true, encoding: .utf8)
        try Self.canonical(
            title: Self.titles[2], date: "April 20, 2022", author: "Farm desk", category: "Rural",
            tags: "Farming, Weather, Strike",
            body: ["A late frost blackened the blossom across the valley orchards.",
                   "Growers expect the smallest cider harvest in a generation."]
        ).write(to: articles.appendingPathComponent("frost.txt"), atomically: true, encoding: .utf8)
        try Self.canonical(
            title: Self.titles[4], date: "January 1, 2001", author: "Test desk \u{9B}31m", category: "Tests",
            tags: "Hostile",
            body: ["Clear \u{1B}[2J screen, title \u{1B}]0;owned by article\u{07} and clipboard \u{1B}]52;c;aGVsbG8=\u{07} here.",
                   "Eight-bit CSI \u{9B}2J and a bell \u{07}\u{07} end the hostile body."]
        ).write(to: articles.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        let dump = """
            \(Self.titles[3])
            October 3, 2021 Leave a comment
            THE WINTER TIMETABLE drops the late crossing to the island from November.
            Islanders say the last boat back now leaves before the shops close.
            ► Author: Coast desk | Date: 3 October 2021 | Permalink
            Filed under Transport Tagged with Ferries, Harbour




            """
        try dump.write(to: dumps.appendingPathComponent("desk.txt"), atomically: true, encoding: .utf8)
    }

    static func canonical(title: String, date: String, author: String, category: String, tags: String, body: [String]) -> String {
        "Title: \(title)\nDate: \(date)\nAuthor: \(author)\nCategory: \(category)\nTags: \(tags)\n\n"
            + body.joined(separator: "\n\n") + "\n"
    }

    /// The gazette process started for this fixture (its argv[0] is the binary, its data dir ours).
    func gazettePID() -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if argv.first == BrowseFixture.binary, argv.contains(root.path) { return pid }
        }
        return nil
    }

    /// Deletes the directory.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The built `gazette` binary.
    static var binary: String {
        TmuxSession.builtProductsDirectory().appendingPathComponent("gazette").path
    }
}
