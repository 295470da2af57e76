import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to stdout that end the process quietly when the reader goes away (`gazette list | head`).
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func write(_ data: Data) {
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes `bytes` (a slot of `show`'s text): a large piece goes straight out after what is
    /// buffered, without a copy.
    static func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 1 << 16 else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
            return
        }
        flush()
        writeAll(fd: 1, raw: UnsafeRawBufferPointer(bytes))
    }

    static func flush() {
        writeAll(fd: 1, bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// True when stdout is a terminal (text is then made safe and may be sized to it).
    static var isTerminal: Bool { isatty(1) == 1 }

    static func writeAll(fd: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeAll(fd: fd, raw: $0) }
    }

    static func writeAll(fd: Int32, raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // A message to a stderr that is gone cannot be delivered; the exit status still is.
                if fd == 2 { return }
                // EPIPE: the reader closed the pipe (`gazette list | head`); a quiet success.
                if errno == EPIPE { exit(0) }
                // Anything else (a full disk, a revoked descriptor) is a failure worth saying.
                let message = "gazette: cannot write output: \(String(cString: strerror(errno)))\n"
                writeAll(fd: 2, bytes: Array(message.utf8))
                exit(1)
            }
            offset += written
        }
    }
}

/// Unbuffered writes to stderr.
enum StandardError {
    static func write(_ text: String) {
        StandardOutput.writeAll(fd: 2, bytes: Array(text.utf8))
    }
}

/// Ignore SIGPIPE so a closed pipe surfaces as EPIPE, which `StandardOutput` turns into a quiet exit.
func ignoreBrokenPipeSignal() {
    signal(SIGPIPE, SIG_IGN)
}
