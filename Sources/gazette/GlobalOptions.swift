/// Options common to the commands, accepted before the subcommand as git and notmuch users type
/// them (`gazette --data ~/news list cartel`): moved after the subcommand's name before parsing.
enum GlobalOptions {
    /// Options that take a value (`--data DIR` or `--data=DIR`).
    static let valued: Set<String> = ["--data", "--state", "--config"]
    /// Options that stand alone.
    static let flags: Set<String> = ["--no-cache"]

    /// `arguments` (without the program name) with the common options written before a
    /// subcommand moved right after it; unchanged when no subcommand follows them (the default
    /// `browse` then takes them as it always did).
    static func movedAfterSubcommand(_ arguments: [String], subcommands: Set<String>) -> [String] {
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
        guard !leading.isEmpty, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
