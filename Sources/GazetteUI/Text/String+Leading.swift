extension String {
    /// The shortest prefix wider than `columns` (or the whole string), so that truncating a huge
    /// title or tag list costs only what is shown. Controls count 0 here but become one-column
    /// placeholders later, so the prefix errs on the long side and never hides text that fits.
    public func leading(columns: Int) -> Substring {
        var width = 0
        var end = startIndex
        while end < endIndex, width <= columns {
            width += DisplayWidth.of(self[end])
            formIndex(after: &end)
        }
        return self[..<end]
    }
}
