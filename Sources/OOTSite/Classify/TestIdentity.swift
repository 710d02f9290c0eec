/// A test's identity across reports (docs/junit.md): its classname (the suite when the classname
/// is empty) and its name.
struct TestIdentity: Sendable, Hashable, Comparable {
    var classname: String
    var name: String

    /// `classname.name`, or the name alone when the classname is empty.
    var displayName: String { classname.isEmpty ? name : "\(classname).\(name)" }

    static func < (a: TestIdentity, b: TestIdentity) -> Bool { (a.classname, a.name) < (b.classname, b.name) }
}
