import Foundation
import Testing
@testable import GazetteCore

@Suite struct DataDirectoriesTests {
    @Test func explicitDirectoriesWin() {
        let result = DataDirectories.resolve(explicit: ["x", "y"], environment: ["GAZETTE_DATA": "/a"], currentDirectory: "/")
        #expect(result == ["x", "y"])
    }

    @Test func environmentListIsColonSeparated() {
        let result = DataDirectories.resolve(explicit: [], environment: ["GAZETTE_DATA": "/a::/b:"], currentDirectory: "/")
        #expect(result == ["/a", "/b"])
    }

    @Test func localDataFolderWhenItExists() throws {
        let tree = try TempTree()
        try tree.mkdir("Data")
        let result = DataDirectories.resolve(explicit: [], environment: ["HOME": "/home/u"], currentDirectory: tree.root)
        #expect(result == [tree.root + "/Data"])
    }

    @Test func xdgThenHomeOtherwise() throws {
        let tree = try TempTree()
        #expect(DataDirectories.resolve(explicit: [], environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"],
                                        currentDirectory: tree.root) == ["/xdg/gazette"])
        #expect(DataDirectories.resolve(explicit: [], environment: ["HOME": "/home/u", "GAZETTE_DATA": ""],
                                        currentDirectory: tree.root) == ["/home/u/.local/share/gazette"])
    }
}
