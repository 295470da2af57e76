/// `[open]`: the command that opens a link (`o`).
public struct OpenConfig: Sendable, Equatable {
    /// The program and its arguments; the URL replaces an argument `%u`, else is appended.
    /// nil: `$BROWSER`, else `xdg-open`.
    public var command: [String]?

    public init(command: [String]? = nil) { self.command = command }

    /// The arguments to start for `url` (nil when no command is configured).
    public func arguments(for url: String) -> [String]? {
        guard let command, !command.isEmpty else { return nil }
        return command.contains("%u") ? command.map { $0 == "%u" ? url : $0 } : command + [url]
    }
}

/// `[pipe]`: named shell commands an article can be piped to (`|`), offered in completion.
public struct PipeConfig: Sendable, Equatable {
    /// One named command: `name = "shell command line"` in the config file.
    public struct Command: Sendable, Equatable {
        public var name: String
        /// Run with `sh -c`, the article on standard input.
        public var command: String

        public init(name: String, command: String) {
            self.name = name
            self.command = command
        }
    }

    /// The commands, in the config file's order.
    public var commands: [Command]

    public init(commands: [Command] = []) { self.commands = commands }

    /// The command named `name`, if any.
    public func command(named name: String) -> Command? { commands.first { $0.name == name } }
}
