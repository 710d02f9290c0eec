import Foundation
import OOTTestSupport

/// The JUnit corpus copied from `../shared/junit-corpus` into `Tests/Fixtures/junit-corpus`.
enum Corpus {
    static let directory = Fixtures.root.appendingPathComponent("Tests/Fixtures/junit-corpus")

    /// Absolute path of a corpus file, for example `pytest/horovod-failure-and-skip.xml`.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
