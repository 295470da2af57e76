/// The themes Gazette ships with.
extension Theme {
    private static let black = ThemeColor.index(0), red = ThemeColor.index(1), green = ThemeColor.index(2)
    private static let yellow = ThemeColor.index(3), blue = ThemeColor.index(4), magenta = ThemeColor.index(5)
    private static let cyan = ThemeColor.index(6)

    /// Colours on the terminal's own background, for dark and light terminals alike.
    public static let `default` = Theme(
        name: "default",
        looks: [
            .accent: RoleLook(cyan, .bold),
            .dim: RoleLook(.index(245)),
            .selection: RoleLook(cyan, .reverse),
            .highlight: RoleLook(yellow, .bold),
            .border: RoleLook(.index(240)),
            .statusBar: RoleLook(nil, .reverse),
            .warning: RoleLook(red, .bold),
            .tag: RoleLook(green),
            .leadIn: RoleLook(nil, .bold),
            .placeholder: RoleLook(magenta, .reverse),
            // Quote colours avoid the accent (cyan titles) and tag (green) roles' looks.
            .quote1: RoleLook(.index(110)),
            .quote2: RoleLook(.index(137)),
            .quote3: RoleLook(.index(139)),
            .preformatted: RoleLook(.index(180)),
            .signature: RoleLook(.index(243)),
            .attribution: RoleLook(cyan),
            .header: RoleLook(.index(245)),
            .unread: RoleLook(cyan, .bold),
        ],
        basicLooks: [
            .dim: RoleLook(nil, .dim),
            .border: RoleLook(nil, .dim),
            .quote1: RoleLook(blue),
            .quote2: RoleLook(green),
            .quote3: RoleLook(magenta),
            .preformatted: RoleLook(yellow),
            .signature: RoleLook(nil, .dim),
            .header: RoleLook(nil, .dim),
        ])

    /// Attributes only: bold, dim, reverse and underline carry every distinction.
    public static let mono = Theme(
        name: "mono",
        looks: [
            .accent: RoleLook(nil, .bold), .leadIn: RoleLook(nil, .bold), .attribution: RoleLook(nil, .bold),
            .dim: RoleLook(nil, .dim), .quote2: RoleLook(nil, .dim), .signature: RoleLook(nil, .dim), .header: RoleLook(nil, .dim),
            .unread: RoleLook(nil, .bold),
            .selection: RoleLook(nil, .reverse), .statusBar: RoleLook(nil, .reverse), .placeholder: RoleLook(nil, .reverse),
            .highlight: RoleLook(nil, [.bold, .underline]), .warning: RoleLook(nil, [.bold, .underline]),
        ],
        isMonochrome: true)

    /// Darker colours that read on a light background.
    public static let light = Theme(
        name: "light",
        looks: [
            .accent: RoleLook(.index(25), .bold),
            .dim: RoleLook(.index(242)),
            .selection: RoleLook(.index(25), .reverse),
            .highlight: RoleLook(.index(124), [.bold, .underline]),
            .border: RoleLook(.index(248)),
            .statusBar: RoleLook(nil, .reverse),
            .warning: RoleLook(.index(160), .bold),
            .tag: RoleLook(.index(28)),
            .leadIn: RoleLook(nil, .bold),
            .placeholder: RoleLook(.index(90), .reverse),
            .quote1: RoleLook(.index(24)),
            .quote2: RoleLook(.index(94)),
            .quote3: RoleLook(.index(90)),
            .preformatted: RoleLook(.index(130)),
            .signature: RoleLook(.index(244)),
            .attribution: RoleLook(.index(30)),
            .header: RoleLook(.index(242)),
            .unread: RoleLook(.index(25), .bold),
        ],
        basicLooks: [
            .accent: RoleLook(blue, .bold), .selection: RoleLook(blue, .reverse), .highlight: RoleLook(red, [.bold, .underline]),
            .dim: RoleLook(nil, .dim), .border: RoleLook(nil, .dim), .warning: RoleLook(red, .bold), .tag: RoleLook(green),
            .placeholder: RoleLook(magenta, .reverse), .quote1: RoleLook(blue), .quote2: RoleLook(black), .quote3: RoleLook(magenta),
            .preformatted: RoleLook(red), .signature: RoleLook(nil, .dim), .attribution: RoleLook(blue), .header: RoleLook(nil, .dim),
            .unread: RoleLook(blue, .bold),
        ])

    /// The built-in themes by name.
    public static let builtIn: [String: Theme] = ["default": .default, "light": .light, "mono": .mono]
}
