/// Exact colours on terminals without truecolor: the nearest entry of the xterm 256-colour table.
public enum ColorApproximation {
    /// The six levels of the 6×6×6 colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

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
