/// Options common to the commands, accepted before the subcommand as git and notmuch users type
/// them (`gazette --data ~/news list cartel`): moved after the subcommand's name before parsing.
enum GlobalOptions {
    /// Options that take a value (`--data DIR` or `--data=DIR`).
    static let valued: Set<String> = ["--data", "--state", "--config"]
    /// Options that stand alone.
    static let flags: Set<String> = ["--no-cache"]

    /// The subcommand names under a command, level by level (`cache` → `info`, `clear`).
    struct Commands {
        var children: [String: Commands] = [:]
    }

    /// `arguments` (without the program name) with the common options written before a
    /// subcommand moved right after its whole name (`--data D cache info` → `cache info --data D`);
    /// unchanged when no subcommand follows them (the default `browse` then takes them as it always did).
    static func movedAfterSubcommand(_ arguments: [String], subcommands: Commands) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else if valued.contains(name) {
                if argument.contains("=") {
                    leading.append(argument)
                    index += 1
                } else {
                    guard index + 1 < arguments.count else { return arguments }
                    leading += [argument, arguments[index + 1]]
                    index += 2
                }
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, var level = subcommands.children[arguments[index]] else { return arguments }
        var end = index + 1
        while end < arguments.count, let next = level.children[arguments[end]] {
            level = next
            end += 1
        }
        return Array(arguments[index..<end]) + leading + arguments[end...]
    }
}
