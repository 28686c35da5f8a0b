/// Distinct words as UTF-8 bytes, numbered in the order they were first seen, found with open
/// addressing on an FNV-1a hash of their bytes: hashing a Swift `String` normalises non-ASCII text
/// first, which for every word of every page cost more than the rest of the index.
/// `PageWords` numbers a page's words with it, and `SearchIndex.Vocabulary` the site's.
struct ByteWordSet {
    private(set) var bytes: [UInt8] = []
    /// Word `i` is `bytes[start(of: i) ..< ends[i]]`.
    private(set) var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// A word's number, or -1; a power of two, never more than half full.
    private var slots: [Int]

    /// `capacity`: a power of two, the table's first size.
    init(capacity: Int) {
        slots = [Int](repeating: -1, count: capacity)
    }

    var count: Int { ends.count }

    func start(of word: Int) -> Int { word == 0 ? 0 : ends[word - 1] }

    /// The word's number, and whether it was seen for the first time.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[known] == hash && bytes[start(of: known)..<ends[known]].elementsEqual(word) {
                return (known, false)
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = ends.count
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
        hashes.append(hash)
        if ends.count * 2 > slots.count { grow() }
        return (ends.count - 1, true)
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for word in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[word]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }
    }
}
