import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): the generator's only source of randomness.
///
/// 64 bits of state, one add and two multiply-xorshift rounds per output; every draw is defined
/// here (never with the standard library's `random(in:using:)`, whose algorithm is not a
/// contract), so the same seed gives the same output on every run and every Swift version.
struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state (the next output is a function of it).
    private(set) var state: UInt64

    /// Creates a generator whose first output is a function of `seed` only.
    init(seed: UInt64) { state = seed }

    /// Creates a generator for a sub-stream: `seed` mixed with `stream`, such as a job index.
    ///
    /// Independent things get independent, order-free randomness.
    init(seed: UInt64, stream: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finalizer: a bijective 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in `[0, 1)` (53 random bits).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in `0..<n` (`n > 0`); the modulo bias is below 2⁻³² for the sizes used.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An exponentially distributed value with the given mean (same unit as `mean`).
    mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }

    /// A log-normally distributed value: `median · e^(σ·N(0,1))` (same unit as `median`).
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        let u1 = 1 - unit()
        let u2 = unit()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return median * exp(sigma * normal)
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` lower-case hex digits (a git SHA is 40).
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count)
        var bits = next()
        var left = 16
        for _ in 0..<count {
            if left == 0 {
                bits = next()
                left = 16
            }
            out.append(digits[Int(bits & 15)])
            bits >>= 4
            left -= 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A version-4-shaped UUID string (`8-4-4-4-12` lower-case hex), like GitHub delivery ids.
    mutating func uuid() -> String {
        let h = Array(hex(32).utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, c) in h.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            if i == 12 {
                out.append(UInt8(ascii: "4"))
            } else if i == 16 {
                out.append(Array("89ab".utf8)[Int(c) & 3])
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// FNV-1a, 64-bit: a stable hash of text (Swift's `Hasher` is seeded per process, so it cannot be
/// used for anything that must be reproducible).
enum StableHash {
    /// The FNV-1a hash of `text`'s UTF-8 bytes.
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The FNV-1a hash of `bytes`, continuing from `hash` (start with the default to hash afresh).
    static func of<C: Collection>(bytes: C, continuing hash: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64
    where C.Element == UInt8 {
        var hash = hash
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
