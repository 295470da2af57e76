import Foundation

/// Maildir++ (Courier, Dovecot, offlineimap's default) keeps every folder but the inbox as a
/// hidden `.Name` directory (`.Sent`, `.Lists.swift-dev`) beside the inbox's `cur/` and `new/`.
/// Hidden entries are otherwise skipped; these are mail, so the walks enter them.
enum MaildirPlusPlus {
    /// Whether hidden entry `name` of the directory open as `descriptor` is a mail folder: a
    /// directory holding `cur` and `new` (never `.` or `..`).
    static func isFolder(_ name: UnsafePointer<CChar>, in descriptor: Int32) -> Bool {
        let length = strlen(name)
        guard length > 1, !(length == 2 && name[1] == 0x2E) else { return false }
        let base = String(cString: name)
        var info = stat()
        return ["cur", "new"].allSatisfy {
            fstatat(descriptor, base + "/" + $0, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
    }

    /// Whether the hidden directory entry at `path`, named `name`, is a mail folder.
    static func isFolder(path: String, name: String) -> Bool {
        guard name != ".", name != ".." else { return false }
        var info = stat()
        return ["cur", "new"].allSatisfy { stat(path + "/" + $0, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR }
    }
}
