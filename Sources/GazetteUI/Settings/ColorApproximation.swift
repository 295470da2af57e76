/// Exact colours on terminals without truecolor: the nearest entry of the xterm 256-colour table.
public enum ColorApproximation {
    /// The six levels of the 6×6×6 colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm gives colour `index` (the sixteen basic ones as xterm's defaults).
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16: return basic[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6]))
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    /// The nearest of the first `count` palette colours (8 or 16 on a basic terminal).
    public static func nearest(red: UInt8, green: UInt8, blue: UInt8, among count: Int) -> UInt8 {
        let target = [Int(red), Int(green), Int(blue)]
        func distance(_ index: Int) -> Int {
            let (r, g, b) = rgb(ofIndex: UInt8(index))
            return zip(target, [Int(r), Int(g), Int(b)]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        return UInt8((0..<max(1, count)).min { distance($0) < distance($1) }!)
    }

    /// The index (16–255) of the cube colour or grey nearest to `#rrggbb`.
    public static func nearest256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let rgb = [Int(red), Int(green), Int(blue)]
        let cube = rgb.map { level in cubeLevels.indices.min { abs(cubeLevels[$0] - level) < abs(cubeLevels[$1] - level) }! }
        let cubeColor = cube.map { cubeLevels[$0] }
        let cubeIndex = 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
        // Greys 232–255 run from 8 to 238 in steps of 10.
        let average = rgb.reduce(0, +) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = 8 + 10 * greyStep
        func distance(_ other: [Int]) -> Int { zip(rgb, other).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        return UInt8(distance([grey, grey, grey]) < distance(cubeColor) ? 232 + greyStep : cubeIndex)
    }
}
