/// Gmail's labels, as Google Takeout writes them into each message of its mbox export
/// (`X-Gmail-Labels: Inbox,Important,Opened,Category Personal,"Trips, 2019",Work/Alpha`).
///
/// Labels are comma-separated; one with a comma in it is double-quoted (`\"` and `\\` escaped
/// inside), and one that is not ASCII is an RFC 2047 encoded word (`=?UTF-8?Q?R=C3=A9unions?=`).
/// The labels that record Gmail's own read and archive state (`Opened`, `Unread`, `Archived`)
/// and the flags IMAP clients leave (`IMAP_$NotJunk`, `IMAP_Forwarded`) are not topics a person
/// filters by, so they are not made tags; `Inbox`, `Sent`, `Starred`, `Important`, `Spam`,
/// `Trash`, the `Category …` tabs and every label the person made are.
enum GmailLabels {
    /// Labels that say what Gmail did with a message, not what it is about.
    static let stateLabels: Set<String> = ["opened", "unread", "archived"]

    /// The labels in `value` to make tags of, in order, encoded words decoded. A word that
    /// cannot be decoded is kept as written, and its problem reported through `problem`.
    static func tags(_ value: UnsafeBufferPointer<UInt8>, problem: (String) -> Void) -> [String] {
        var result: [String] = []
        for raw in items(value) {
            var label = raw
            if label.utf8.contains(0x3D) {  // "=": maybe an encoded word
                let decoded = EncodedWords.decode(label)
                if let message = decoded.problem { problem(message) }
                label = String(decoded.text.trimmingASCIISpaces())
            }
            guard !label.isEmpty, isTopic(label) else { continue }
            result.append(label)
        }
        return result
    }

    /// Whether a label names a topic rather than Gmail's or a client's state.
    static func isTopic(_ label: String) -> Bool {
        if label.utf8.count <= 8, stateLabels.contains(label.lowercased()) { return false }
        return !label.utf8.starts(with: "IMAP_".utf8)
    }

    /// The comma-separated items of `value`, trimmed, quotes removed, empty ones dropped.
    static func items(_ value: UnsafeBufferPointer<UInt8>) -> [String] {
        var items: [String] = []
        var current: [UInt8] = []
        var quoted = false, wasQuoted = false
        var index = 0
        func finish() {
            var lower = 0, upper = current.count
            if !wasQuoted {
                while lower < upper, current[lower] == 0x20 || current[lower] == 0x09 { lower += 1 }
                while upper > lower, current[upper - 1] == 0x20 || current[upper - 1] == 0x09 { upper -= 1 }
            }
            if lower < upper { items.append(String(decoding: current[lower..<upper], as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while index < value.count {
            let byte = value[index]
            index += 1
            if quoted {
                if byte == 0x5C, index < value.count {  // "\": the next byte as it is
                    current.append(value[index])
                    index += 1
                } else if byte == 0x22 {
                    quoted = false
                } else {
                    current.append(byte)
                }
            } else if byte == 0x22, current.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                // A quote opens a label only at its start; one inside a label is part of it.
                current.removeAll(keepingCapacity: true)
                quoted = true
                wasQuoted = true
            } else if byte == 0x2C {
                finish()
            } else if wasQuoted, byte == 0x20 || byte == 0x09 {
                continue  // spaces between a closing quote and the comma
            } else {
                current.append(byte)
            }
        }
        finish()
        return items
    }
}
