/// The full expected output of the CLI on `CLITests.makeArchive()`, one literal per command, so a
/// deliberate change (ids, body rendering) is updated in one place. `DATA` stands for the archive
/// path.
///
/// Ids follow the identity rule (README, "Identity and duplicates"; `ArticleIDTests` pins the
/// hash): these files have no Message-ID, so Link, else title + day + author + body digest;
/// word counts were counted by hand (`Zürich-born` is one word); the tag `CIA`/`cia` is a 1–1
/// tie, which the lexically smaller spelling wins.
enum CLIGolden {
    static let version = "0.1.0\n"

    /// Each article's id, by title (the ids `list` prints below).
    static let id = [
        "Cartels and covert action": "dff94d6047c4",
        "Files on a Cold War tunnel are declassified": "b6870a489d2e",
        "A museum opens its codebreaking gallery": "bd1d492e649d",
        "The Zimmermann telegram": "850a08c1ab25",
        "Exchange on the Glienicke Bridge": "057182bb1be5",
    ]

    /// A prefix two ids share, and the ids it matches (in the order `show` names them).
    static let ambiguousPrefix = "b"
    static let ambiguousCandidates = ["b6870a489d2e", "bd1d492e649d"]

    /// `list` lines by title.
    static func line(_ title: String) -> String {
        (list.split(separator: "\n").first { $0.contains("  \(title)") }).map { $0 + "\n" } ?? "(no golden line for \(title))"
    }

    static let list = """
        dff94d6047c4  2025-01-21  Cartels and covert action  [CIA, Mexico, covert action]
        b6870a489d2e  2020-06-05  Files on a Cold War tunnel are declassified
        bd1d492e649d  2019-03-03  A museum opens its codebreaking gallery  [cryptanalysis, Germany]
        850a08c1ab25  2017-01-16  The Zimmermann telegram  [cryptanalysis, Germany, Mexico]
        057182bb1be5  1962-02-10  Exchange on the Glienicke Bridge  [spy exchange, CIA, KGB]

        """

    static let tags = """
        2  CIA
        2  cryptanalysis
        2  Germany
        2  Mexico
        1  covert action
        1  KGB
        1  spy exchange

        """

    static let categories = """
        1  Analysis
        1  Codebreaking
        1  Defections and exchanges
        1  Museums, exhibits and archives

        """

    static let authors = """
        1  Americas desk
        1  Archive desk
        1  Europe desk
        1  History desk
        1  Signals desk

        """

    /// `gazette check` after adding `bad/undated.txt` (a bad date) and `bad/copy.txt` (a byte
    /// copy of the Zimmermann telegram, a duplicate under any identity rule): the copy is
    /// dropped, the first file in path order kept.
    static let checkWithProblems = """
        Directories: DATA
        Files: 6 read, 0 skipped
        Articles: 6 (1 duplicate dropped)
        Warnings: 1

        Duplicates:
        DATA/bad/copy.txt:1: duplicate of "The Zimmermann telegram" (850a08c1ab25, first at DATA/articles/zimmermann.txt:1)

        Warnings:
        DATA/bad/undated.txt:2: unparseable date "sometime soon"

        """

    /// `show 850a08 --width 40` (the Zimmermann telegram by a prefix of its id).
    static let showZimmermann = """
        The Zimmermann telegram
        2017-01-16 · Signals desk
        Category: Codebreaking · Tags:
        cryptanalysis, Germany, Mexico
        Link: https://example.org/zimmermann
        Source: desk archive

        In January 1917 British naval
        codebreakers read a German telegram
        proposing an alliance with Mexico.

        Its publication in the United States
        helped move opinion towards war.

        """

    /// `show b6870a489d2e` (a dump post with a related excerpt, default width).
    static let showTunnel = """
        Files on a Cold War tunnel are declassified
        2020-06-05 · Archive desk · 0 comments

        A SET OF FILES on the tunnel under Berlin has been released.

        Related

        • ANOTHER POST teases a related story about tunnels.

        """

    /// `show bd1d492e649d --json`.
    static let showMuseumJSON = """
        {
          "author" : "History desk",
          "blocks" : [
            {
              "kind" : "paragraph",
              "level" : 0,
              "lines" : [
                "THE NEW GALLERY shows rotor machines and the paper records of the codebreakers."
              ],
              "marker" : null,
              "text" : "THE NEW GALLERY shows rotor machines and the paper records of the codebreakers."
            },
            {
              "kind" : "paragraph",
              "level" : 0,
              "lines" : [
                "Visitors can try a working replica."
              ],
              "marker" : null,
              "text" : "Visitors can try a working replica."
            }
          ],
          "body" : "THE NEW GALLERY shows rotor machines and the paper records of the codebreakers.\\n\\nVisitors can try a working replica.",
          "categories" : [
            "Museums, exhibits and archives"
          ],
          "comments" : 2,
          "date" : "2019-03-03",
          "headers" : {

          },
          "hiddenTags" : [

          ],
          "id" : "bd1d492e649d",
          "leadIn" : "THE NEW GALLERY",
          "link" : null,
          "read" : false,
          "related" : [

          ],
          "source" : "DATA/dumps/blog.txt:1",
          "starred" : false,
          "tags" : [
            "cryptanalysis",
            "Germany"
          ],
          "title" : "A museum opens its codebreaking gallery",
          "userTags" : [

          ],
          "words" : 19
        }

        """
}
