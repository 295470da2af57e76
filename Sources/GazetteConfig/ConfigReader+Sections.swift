import Foundation
import GazetteCore
import GazetteUI
import TOMLKit

/// `[layout]`, `[views]`, `[reader]`, `[open]` and `[pipe]`.
extension ConfigReader {
    static let facetNames: [String: FacetKind] = ["tag": .tag, "tags": .tag, "category": .category, "categories": .category,
                                                  "author": .author, "authors": .author, "year": .year, "years": .year]

    mutating func readLayout(_ table: TOMLTable) throws(ConfigProblem) {
        for key in orderedKeys(table, at: ["layout"]) {
            guard let value = table[key] else { continue }
            let path = ["layout", key]
            switch key {
            case "sidebar-width":
                guard let width = value.int, (10...80).contains(width) else { throw problem(path, "must be a number of columns, 10–80") }
                settings.layout.sidebarWidth = width
            case "reader-width":
                guard let width = value.int, (20...400).contains(width) else { throw problem(path, "must be a number of columns, 20–400") }
                settings.layout.readerMeasure = width
            case "facets":
                var kinds: [FacetKind] = []
                for name in try strings(value, path) {
                    guard let kind = Self.facetNames[name.lowercased()] else {
                        throw problem(path, "'\(name)' is not a facet (tag, category, author, year)")
                    }
                    if !kinds.contains(kind) { kinds.append(kind) }
                }
                settings.layout.facets = kinds
            case "arrangement":
                switch try string(value, path).lowercased() {
                case "stacked": settings.layout.arrangement = .stacked
                case "side-by-side": settings.layout.arrangement = .sideBySide
                case let other: throw problem(path, "'\(other)' is not an arrangement (stacked, side-by-side)")
                }
            default:
                warn(path, "unknown setting (ignored)")
            }
        }
    }

    mutating func readViews(_ table: TOMLTable) throws(ConfigProblem) {
        for name in orderedKeys(table, at: ["views"]) {
            guard let value = table[name] else { continue }
            let path = ["views", name]
            let query = try string(value, path)
            do {
                _ = try Query.parse(query)
            } catch {
                throw problem(path, "the query does not parse: \(error)")
            }
            settings.views.append(SavedView(name: name, query: query))
        }
    }

    mutating func readReader(_ table: TOMLTable) throws(ConfigProblem) {
        for key in orderedKeys(table, at: ["reader"]) {
            guard let value = table[key] else { continue }
            let path = ["reader", key]
            switch key {
            case "headers":
                switch try string(value, path).lowercased() {
                case "readable": settings.reader.allHeaders = false
                case "all": settings.reader.allHeaders = true
                case let other: throw problem(path, "'\(other)' is not readable or all")
                }
            case "show": settings.reader.showHeaders = try strings(value, path)
            case "hide": settings.reader.hideHeaders = try strings(value, path)
            default: warn(path, "unknown setting (ignored)")
            }
        }
    }

    mutating func readOpen(_ table: TOMLTable) throws(ConfigProblem) {
        for key in orderedKeys(table, at: ["open"]) {
            guard let value = table[key] else { continue }
            let path = ["open", key]
            guard key == "command" else {
                warn(path, "unknown setting (ignored)")
                continue
            }
            // A string is split on spaces (`"firefox --new-tab"`); an array is taken as written.
            let command: [String]
            if let line = value.string {
                command = line.split(separator: " ").map(String.init)
            } else {
                command = try strings(value, path)
            }
            guard !command.isEmpty else { throw problem(path, "must name a program") }
            settings.open.command = command
        }
    }

    mutating func readPipe(_ table: TOMLTable) throws(ConfigProblem) {
        for name in orderedKeys(table, at: ["pipe"]) {
            guard let value = table[name] else { continue }
            let path = ["pipe", name]
            let command = try string(value, path)
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { throw problem(path, "must be a shell command") }
            settings.pipe.commands.append(PipeConfig.Command(name: name, command: command))
        }
    }
}
