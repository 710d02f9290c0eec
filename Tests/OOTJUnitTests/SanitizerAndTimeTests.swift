import OOTJUnit
import Testing

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
        #expect(sanitize(["x\u{1B}", "[3", "1my", "\u{00}z"]) == "xyz", "ESC [ 3 1 m is one sequence; m is its final byte")
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
