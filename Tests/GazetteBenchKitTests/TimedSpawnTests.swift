import Foundation
import Testing
@testable import GazetteBenchKit

@Suite("Timing the CLI")
struct TimedSpawnTests {
    @Test("a child's output, exit status and own CPU time")
    func outputStatusAndCPU() throws {
        let environment = ["PATH": "/usr/bin:/bin", "GREETING": "hello"]
        let echoed = try TimedSpawn.run("/bin/sh", ["-c", "printf '%s\\n' \"$GREETING\" \"$0\"; exit 3", "second"], environment: environment)
        #expect(echoed.output == "hello\nsecond\n")
        #expect(echoed.status == 3)

        // More output than a pipe holds (64 KiB): read while it runs, nothing lost.
        let large = try TimedSpawn.run("/bin/sh", ["-c", "head -c 300000 /dev/zero | tr '\\\\0' x"], environment: environment)
        #expect(large.output.utf8.count == 300_000)
        #expect(large.status == 0)

        let busy = try TimedSpawn.run("/bin/sh", ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"], environment: environment)
        #expect(busy.cpu > 0.05, "the child's own CPU time: \(busy.cpu) s")
        #expect(busy.seconds >= busy.cpu * 0.5)
        #expect(throws: (any Error).self) { try TimedSpawn.run("/nonexistent/gazette", [], environment: environment) }
    }
}
