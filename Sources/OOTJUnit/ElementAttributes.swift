internal import CLibXML2

/// Element names the walker cares about, matched on bytes.
enum ElementKind: Equatable {
    case testsuites, testsuite, testcase, systemOut, systemErr, other
    case result(ResultKind)

    init(_ name: UnsafePointer<xmlChar>) {
        switch name[0] {
        case UInt8(ascii: "t"):
            self =
                Self.equal(name, "testcase")
                ? .testcase
                : Self.equal(name, "testsuite") ? .testsuite : Self.equal(name, "testsuites") ? .testsuites : .other
        case UInt8(ascii: "f"):
            self =
                Self.equal(name, "failure")
                ? .result(.failure)
                : Self.equal(name, "flakyFailure")
                    ? .result(.flakyFailure)
                    : Self.equal(name, "flakyError") ? .result(.flakyError) : .other
        case UInt8(ascii: "e"):
            self = Self.equal(name, "error") ? .result(.error) : .other
        case UInt8(ascii: "s"):
            self =
                Self.equal(name, "skipped")
                ? .result(.skipped)
                : Self.equal(name, "system-out") ? .systemOut : Self.equal(name, "system-err") ? .systemErr : .other
        case UInt8(ascii: "r"):
            self =
                Self.equal(name, "rerun")
                ? .result(.rerun)
                : Self.equal(name, "rerunFailure")
                    ? .result(.rerunFailure)
                    : Self.equal(name, "rerunError") ? .result(.rerunError) : .other
        default:
            self = .other
        }
    }

    /// `true` when the NUL-terminated `name` equals `literal`.
    static func equal(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for i in 0..<count where name[i] != bytes[i] { return false }
        return name[count] == 0
    }
}

/// The attributes of one element, from SAX2's attribute array (localname, prefix, URI, value, end:
/// five pointers per attribute); valid only during the callback that delivered them.
struct AttributeList {
    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int32

    /// Calls `body` with each attribute's name and value bytes.
    func forEach(_ body: (UnsafePointer<xmlChar>, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let pointers else { return }
        for i in 0..<Int(count) {
            let base = i * 5
            guard let key = pointers[base], let value = pointers[base + 3], let end = pointers[base + 4] else {
                continue
            }
            body(key, UnsafeBufferPointer(start: value, count: end - value))
        }
    }
}

/// A `<testsuite>`'s (or the root `<testsuites>`'s) name and declared counts.
struct SuiteAttributes {
    var name: String?
    /// Declared `tests`, `failures` and `errors`; `nil` when absent or not a count.
    var tests: Int?
    var failures: Int?
    var errors: Int?

    init(_ list: AttributeList) {
        list.forEach { key, bytes in
            func count() -> Int? { Int(String(decoding: bytes, as: UTF8.self).trimmingSpaces) }
            if ElementKind.equal(key, "name") {
                name = String(decoding: bytes, as: UTF8.self)
            } else if ElementKind.equal(key, "tests") {
                tests = count()
            } else if ElementKind.equal(key, "failures") {
                failures = count()
            } else if ElementKind.equal(key, "errors") {
                errors = count()
            }
        }
    }
}

/// A result element's `message` and `type` (pytest writes `type="pytest.xfail"` on an xfail).
struct ResultAttributes {
    var message: String?
    var type: String?

    init(_ list: AttributeList) {
        list.forEach { key, bytes in
            if ElementKind.equal(key, "message") {
                message = String(decoding: bytes, as: UTF8.self)
            } else if ElementKind.equal(key, "type") {
                type = String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}

/// A testcase's attributes.
///
/// The identity (hash of classname and name) and `time` are read straight from the bytes; the
/// strings are built only when `strings` is set (testcases are materialized).
struct TestCaseAttributes {
    var name: String?
    var classname: String?
    var file: String?
    var status: String?
    var result: String?
    var time: Double?
    /// What a comma in `time` said about the report's decimal mark.
    var timeComma = JUnitTime.Comma.none
    /// Hash of classname and name (``JUnitTally/hash(_:_:)``); `nil` when the name is missing or
    /// empty, or when the classname is missing (the suite then stands in, see ``identity(suite:)``).
    private var hashedIdentity: UInt64?
    /// The name's bytes, kept only when there is no classname (the suite is known later).
    private var nameWithoutClassname: [UInt8]?

    /// The identity used for flaky detection: classname (or, when it is missing, the suite's name)
    /// and name; `nil` (never grouped) for a testcase without a name.
    func identity(suite: String) -> UInt64? {
        if let hashedIdentity { return hashedIdentity }
        guard let name = nameWithoutClassname else { return nil }
        var suiteName = suite
        return suiteName.withUTF8 { suiteBytes in name.withUnsafeBufferPointer { JUnitTally.hash(suiteBytes, $0) } }
    }

    init(_ list: AttributeList, strings: Bool) {
        var classnameBytes: UnsafeBufferPointer<UInt8>?
        var nameBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        list.forEach { key, bytes in
            func read() -> String { String(decoding: bytes, as: UTF8.self) }
            switch key[0] {
            case UInt8(ascii: "n") where ElementKind.equal(key, "name"):
                nameBytes = bytes
                if strings { name = read() }
            case UInt8(ascii: "c") where ElementKind.equal(key, "classname"):
                classnameBytes = bytes
                if strings { classname = read() }
            case UInt8(ascii: "f") where strings && ElementKind.equal(key, "file"): file = read()
            case UInt8(ascii: "t") where ElementKind.equal(key, "time"):
                let reading = JUnitTime(bytes: bytes)
                time = reading.seconds
                timeComma = reading.comma
            case UInt8(ascii: "s") where ElementKind.equal(key, "status"): status = read()
            case UInt8(ascii: "r") where ElementKind.equal(key, "result"): result = read()
            default: break
            }
        }
        guard !nameBytes.isEmpty else { return }
        if let classnameBytes, !classnameBytes.isEmpty {
            hashedIdentity = JUnitTally.hash(classnameBytes, nameBytes)
        } else {
            // Copy the name: the attribute buffer does not outlive this callback.
            nameWithoutClassname = Array(nameBytes)
        }
    }
}
