import Testing

@testable import OOTJUnit

/// The byte sanitizer and `time` attribute rules.
@Suite struct SanitizerAndTimeTests {
    func sanitize(_ chunks: [String]) -> String {
        var sanitizer = InputSanitizer()
        var out: [UInt8] = []
        for chunk in chunks { sanitizer.process(Array(chunk.utf8), into: &out) }
        sanitizer.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func keepsOrdinaryTextAndReferences() {
        #expect(sanitize(["a &amp; b &#x41; &#65; tab\there\nnew"]) == "a &amp; b &#x41; &#65; tab\there\nnew")
    }

    @Test func dropsControlBytesEscapesAndForbiddenReferencesAcrossChunkBoundaries() {
        #expect(
            sanitize(["x\u{1B}", "[3", "1my", "\u{00}z"]) == "xyz", "ESC [ 3 1 m is one sequence; m is its final byte")
        #expect(sanitize(["&#x", "1B;[1mB", " &#", "12;!"]) == "B !")
        #expect(sanitize(["&#xD800;&#xFFFE;ok"]) == "ok")
    }

    @Test func incompleteReferenceAtTheEndIsKept() {
        #expect(sanitize(["a &#x4"]) == "a &#x4")
    }

    @Test(arguments: [
        ("1.5", 1.5), ("2,503.1", 2503.1), ("0,160", 0.16), ("1e0", 1.0), ("1.7e-05", 0.000017), ("1,234", 1234.0),
        (" 3 ", 3.0),
    ])
    func readsTimes(text: String, seconds: Double) {
        #expect(parseJUnitTime(text).map { abs($0 - seconds) < 1e-12 } == true)
    }

    @Test(arguments: [nil, "", "-345345", "NaN", "inf", "abc", "<<computed>>"] as [String?])
    func unusableTimesAreUnknown(text: String?) {
        #expect(parseJUnitTime(text) == nil)
    }
}

/// The sanitizer's 8-byte fast scan must agree with feeding the state machine one byte at a time.
@Suite struct SanitizerFastPathTests {
    @Test(arguments: 0..<40)
    func fastScanMatchesByteAtATime(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let alphabet: [UInt8] =
            Array("ab <>/=\"x\t\n\r".utf8) + [0x00, 0x01, 0x0C, 0x1B, 0x1F, 0xC3, 0xA9]
            + Array("&#x1B;[31m&#12;&amp;&#65;".utf8)
        let input = (0..<(64 + seed * 97)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        var whole = InputSanitizer()
        var wholeOut: [UInt8] = []
        whole.process(input, into: &wholeOut)
        whole.finish(into: &wholeOut)
        var single = InputSanitizer()
        var singleOut: [UInt8] = []
        for byte in input { single.process([byte], into: &singleOut) }
        single.finish(into: &singleOut)
        #expect(wholeOut == singleOut)
        #expect(whole.removedControlBytes == single.removedControlBytes)
        #expect(whole.removedReferences == single.removedReferences)
    }
}

/// A tiny deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Identity rules for flaky detection (docs/junit.md "Flaky identities").
@Suite struct IdentityTests {
    @Test func namelessTestcasesAreNeverGrouped() {
        let xml = "<testsuite name=\"s\"><testcase/><testcase><failure/></testcase></testsuite>"
        #expect(JUnitParser.parse(bytes: Array(xml.utf8)).summary.flaky == 0)
    }

    @Test func theSuiteStandsInForAMissingClassname() {
        // Same name in two suites without classnames: two tests, not one flaky test.
        let xml = """
            <testsuites><testsuite name="a"><testcase name="t"/></testsuite>
            <testsuite name="b"><testcase name="t"><failure/></testcase></testsuite></testsuites>
            """
        #expect(JUnitParser.parse(bytes: Array(xml.utf8)).summary.flaky == 0)
        // Repeated in one suite: one flaky test.
        let repeated =
            "<testsuite name=\"a\"><testcase name=\"t\"/><testcase name=\"t\"><failure/></testcase></testsuite>"
        #expect(JUnitParser.parse(bytes: Array(repeated.utf8)).summary.flaky == 1)
    }

    @Test func europeanTimesAreRead() {
        #expect(parseJUnitTime("1.234,5") == 1234.5)
        #expect(parseJUnitTime("+1.5") == 1.5)
    }
}

/// The identity table's radix sort must order like a comparison sort, small or large.
@Suite struct IdentityTableTests {
    @Test(arguments: [10, 5_000, 70_000])
    func radixSortMatchesSort(count: Int) {
        var rng = SplitMix(seed: UInt64(count))
        let values = (0..<count).map { _ in rng.next() }
        #expect(IdentityTable.radixSorted(values) == values.sorted())
    }
}
