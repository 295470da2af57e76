/// The postings tables of an index being written on all cores, each task at its own offsets
/// (the parallel build's merge, the refresh's update).
struct PostingOutputs: Sendable {
    let docs: SharedBuffer<UInt8>, tfs: SharedBuffer<UInt8>, positions: SharedBuffer<UInt8>
    let skipDocs: SharedBuffer<Int32>, skipDocBytes: SharedBuffer<Int>, skipPositions: SharedBuffer<Int>

    /// Calls `body` with the storage of the six tables (already sized) for its writers.
    static func writing(docs: inout [UInt8], tfs: inout [UInt8], positions: inout [UInt8], skipDocs: inout [Int32],
                        skipDocBytes: inout [Int], skipPositions: inout [Int], _ body: (PostingOutputs) -> Void) {
        docs.withUnsafeMutableBufferPointer { docs in
            tfs.withUnsafeMutableBufferPointer { tfs in
                positions.withUnsafeMutableBufferPointer { positions in
                    skipDocs.withUnsafeMutableBufferPointer { skipDocs in
                        skipDocBytes.withUnsafeMutableBufferPointer { skipDocBytes in
                            skipPositions.withUnsafeMutableBufferPointer { skipPositions in
                                body(PostingOutputs(docs: SharedBuffer(base: docs), tfs: SharedBuffer(base: tfs),
                                                    positions: SharedBuffer(base: positions), skipDocs: SharedBuffer(base: skipDocs),
                                                    skipDocBytes: SharedBuffer(base: skipDocBytes),
                                                    skipPositions: SharedBuffer(base: skipPositions)))
                            }
                        }
                    }
                }
            }
        }
    }
}
