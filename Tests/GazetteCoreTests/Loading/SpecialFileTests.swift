import Foundation
import Testing
@testable import GazetteCore

#if canImport(Glibc)
import Glibc
#endif

/// Files named `*.txt` that are not regular files: reading one could block forever (a socket, a
/// terminal) or never end (`/dev/zero`), so the walk skips each with a warning naming it.
// The limit catches a hang (a FIFO or device read that never ends). It counts the time a test
// waits for a thread of the shared test pool, which the heavy differential suites can hold for
// minutes on two cores, so it is generous.
@Suite(.timeLimit(.minutes(10))) struct SpecialFileTests {
    /// Binds a Unix-domain socket at `path`; returns its descriptor (the socket file stays while open).
    static func bindSocket(at path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { close(fd); return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { close(fd); return nil }
        return fd
    }

    @Test func devicesSocketsAndALinkToDevNullAreSkippedWithAWarning() throws {
        let tree = try TempTree()
        try tree.write("good.txt", ArchiveLoaderTests.article("Good"))
        try tree.link("null.txt", to: "/dev/null")
        let socketFD = try #require(Self.bindSocket(at: tree.path("socket.txt")), "cannot bind a Unix socket in \(tree.root)")
        defer { close(socketFD) }
        // A real character device node where the system allows it (root in most containers).
        let madeDevice = mknod(tree.path("device.txt"), S_IFCHR | 0o600, dev_t(1 << 8 | 3)) == 0  // makedev(1, 3), as glibc encodes small numbers

        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.map(\.title) == ["Good"])
        var expected = [
            tree.path("null.txt") + ": not a regular file (character device); skipped",
            tree.path("socket.txt") + ": not a regular file (socket); skipped",
        ]
        if madeDevice { expected.insert(tree.path("device.txt") + ": not a regular file (character device); skipped", at: 0) }
        #expect(archive.report.warnings.map(\.description) == expected)
        #expect(archive.report.filesSkipped == expected.count)
        #expect(archive.report.filesRead == 1)
    }

    @Test func aLinkToAnEndlessDeviceIsNeverRead() throws {
        // Reading /dev/zero would never end; the one-minute limit turns a regression into a failure.
        let tree = try TempTree()
        try tree.link("zero.txt", to: "/dev/zero")
        let archive = try ArchiveLoader.load(directories: [tree.root])
        #expect(archive.articles.isEmpty)
        #expect(archive.report.warnings.map(\.description) == [tree.path("zero.txt") + ": not a regular file (character device); skipped"])
    }
}
