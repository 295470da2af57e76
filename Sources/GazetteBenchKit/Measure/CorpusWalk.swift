#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds data files with the loader's rules: every regular file ending in `.txt` under each root,
/// recursively; hidden files and folders skipped; symlinks followed without looping; FIFOs,
/// devices and directories named `*.txt` skipped. Sorted by path, so runs compare.
///
/// Any function of this shape can stand in (the loader's own discovery, once it exists).
public typealias FileDiscovery = @Sendable ([String]) throws -> [String]

public enum CorpusWalk {
    /// The data files under `roots` (a root that is itself a `.txt` file is included).
    @Sendable
    public static func dataFiles(under roots: [String]) -> [String] {
        var files = [String]()
        var visited = Set<DirectoryIdentity>()
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else { continue }
            if isDirectory(info) {
                walk(root, identity: DirectoryIdentity(info), visited: &visited, into: &files)
            } else if isRegular(info) && root.hasSuffix(".txt") {
                files.append(root)
            }
        }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return files
    }

    private struct DirectoryIdentity: Hashable {
        let device: UInt64, inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private static func walk(_ directory: String, identity: DirectoryIdentity,
                             visited: inout Set<DirectoryIdentity>, into files: inout [String]) {
        // A directory reached twice (a symlink loop or a second link) is walked once.
        guard visited.insert(identity).inserted, let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            let type = entry.pointee.d_type
            if type == UInt8(DT_REG) {
                if name.hasSuffix(".txt") { files.append(path) }
                continue
            }
            // Directories, symlinks and unknown types need stat (it follows symlinks).
            guard type == UInt8(DT_DIR) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) else { continue }
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if isDirectory(info) {
                walk(path, identity: DirectoryIdentity(info), visited: &visited, into: &files)
            } else if isRegular(info) && name.hasSuffix(".txt") {
                files.append(path)
            }
        }
    }

    private static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    private static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
}
