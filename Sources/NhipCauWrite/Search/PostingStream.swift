/// One of `SearchIndex.Vocabulary`'s lists while pages come in: postings `position << 2 | field`
/// in the order added, a varint each (1–2 bytes for most), not 4 bytes in an `[UInt32]`; for a site
/// of 100,000 stories the lists are some 15 million postings.
///
/// Pages come from the render workers, each in rising positions but interleaved, so a posting is
/// written as its distance from the last posting of one of two lanes (the nearer), one lane
/// following each worker: `zigzag(distance) << 3 | lane << 2 | field`, 7 bits a byte, least
/// significant first. Any order reads back; a third worker only makes some distances longer.
struct PostingStream: Sendable {
    private(set) var bytes: [UInt8] = []
    private var lanes: (UInt32, UInt32) = (0, 0)

    var isEmpty: Bool { bytes.isEmpty }

    init() {}

    /// `field`: 1…3. A position is added at most once.
    mutating func append(_ position: UInt32, field: UInt8) {
        let fromFirst = Int64(position) - Int64(lanes.0), fromSecond = Int64(position) - Int64(lanes.1)
        let lane: UInt64 = fromSecond.magnitude < fromFirst.magnitude ? 1 : 0
        let distance = lane == 0 ? fromFirst : fromSecond
        let zigzag = UInt64(bitPattern: distance << 1 ^ distance >> 63)
        var value = zigzag << 3 | lane << 2 | UInt64(field & 3)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        if lane == 0 { lanes.0 = position } else { lanes.1 = position }
    }

    /// Each posting, `position << 2 | field`, in the order added.
    func forEach(_ body: (UInt32) -> Void) {
        forEach(lanes: { _ in }, body)
    }

    /// `forEach`, then each lane's last position (what `append` needs to add after them).
    private func forEach(lanes finalLanes: ((UInt32, UInt32)) -> Void, _ body: (UInt32) -> Void) {
        var lanes: (Int64, Int64) = (0, 0)
        defer { finalLanes((UInt32(truncatingIfNeeded: lanes.0), UInt32(truncatingIfNeeded: lanes.1))) }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            value |= UInt64(byte & 0x7F) << shift
            if byte >= 0x80 {
                shift += 7
                continue
            }
            let zigzag = value >> 3
            let distance = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            let position: Int64
            if value & 4 == 0 {
                position = lanes.0 + distance
                lanes.0 = position
            } else {
                position = lanes.1 + distance
                lanes.1 = position
            }
            body(UInt32(truncatingIfNeeded: position) << 2 | UInt32(value & 3))
            value = 0
            shift = 0
        }
    }

    /// The postings whose position `newPosition` maps to 0 or more, at that position. `moved`: some
    /// posting took another position; `removed`: the postings whose position maps to -1. A list
    /// none of whose postings changes position is kept as it is, its lanes found.
    func carried(_ newPosition: [Int32]) -> (list: PostingStream, moved: Bool, removed: [UInt32]) {
        var moved = false
        var removed: [UInt32] = []
        var lastOfLane: (UInt32, UInt32) = (0, 0)
        forEach(lanes: { lastOfLane = $0 }) { posting in
            let position = newPosition[Int(posting >> 2)]
            if position < 0 { removed.append(posting) } else if position != Int32(posting >> 2) { moved = true }
        }
        guard moved || !removed.isEmpty else {
            var kept = self
            kept.lanes = lastOfLane
            return (kept, false, [])
        }
        var carried = PostingStream()
        carried.bytes.reserveCapacity(bytes.count)
        forEach { posting in
            let position = newPosition[Int(posting >> 2)]
            if position >= 0 { carried.append(UInt32(position), field: UInt8(posting & 3)) }
        }
        return (carried, moved, removed)
    }

    /// A list as `bytes` wrote it; nil unless every posting is a position below `positions` with a field 1…3.
    init?(bytes: [UInt8], positions: Int) {
        guard bytes.last.map({ $0 < 0x80 }) ?? true else { return nil }
        var isValid = true
        var stream = PostingStream()
        stream.bytes = bytes
        stream.forEach { posting in
            if Int(posting >> 2) >= positions || posting & 3 == 0 { isValid = false }
        }
        guard isValid else { return nil }
        self = stream
    }

    /// The postings with each position turned into its document number, sorted by document.
    func documents(_ documentOf: [UInt32]) -> [UInt32] {
        var list: [UInt32] = []
        forEach { list.append(documentOf[Int($0 >> 2)] << 2 | $0 & 3) }
        list.sort()
        return list
    }
}
