/// Tags and categories shown as one comma-separated line. A value that holds a comma itself (a
/// Gmail label such as `Trips, 2019`, a feed's category) is quoted, so the line still reads as
/// the values it lists: `"Trips, 2019", Family`.
enum FacetListText {
    static func item(_ value: String) -> String {
        value.contains(",") ? "\"" + value + "\"" : value
    }

    static func join(_ values: [String]) -> String {
        values.map(item).joined(separator: ", ")
    }
}
