/// How search splits a test's classname and name into words, and which shard each word lives in
/// (docs/search.md); `templates/assets/search.js` splits queries by the same rules.
///
/// A word is a run of letters and digits (Unicode categories L and N), lower-cased, split again at
/// camelCase boundaries: before an upper-case letter that follows a lower-case letter or a digit
/// (`fullyShard` → `fully`, `shard`), and before the last upper-case letter of a run that is
/// followed by a lower-case one (`GPUTests` → `gpu`, `tests`). Everything else (`.`, `_`, `::`,
/// `/`, `-`, spaces, brackets) separates words. Words shorter than 2 characters are not indexed.
enum SearchWords {
    /// The words of `text`, in order, lower-cased (duplicates kept).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        func flush() {
            if !current.isEmpty {
                var word = String.UnicodeScalarView()
                word.append(contentsOf: current)
                words.append(String(word).lowercased())
                current = []
            }
        }
        for (index, scalar) in scalars.enumerated() {
            guard Self.isWordScalar(scalar) else {
                flush()
                continue
            }
            if let previous = current.last, Self.isUpper(scalar) {
                let afterLowerOrDigit = Self.isLower(previous) || Self.isDigit(previous)
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let endsUpperRun = Self.isUpper(previous) && next.map(Self.isLower) == true
                if afterLowerOrDigit || endsUpperRun { flush() }
            }
            current.append(scalar)
        }
        flush()
        return words
    }

    /// The shard of a word: its first two characters (Unicode scalars) when both are `a-z` or
    /// `0-9`, else `_` and the hex of their UTF-8 bytes; `nil` for a word shorter than 2.
    static func shard(of word: String) -> String? {
        let scalars = Array(word.unicodeScalars.prefix(2))
        guard scalars.count == 2 else { return nil }
        if scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
            return String(String.UnicodeScalarView(scalars))
        }
        let bytes = String(String.UnicodeScalarView(scalars)).utf8
        return "_" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Words in nearly every test name, never used to choose a shard.
    ///
    /// They would put every test in one shard (`te`). A query made only of them asks for more
    /// of the name.
    static let stopWords: Set<String> = ["test", "tests"]

    /// The shards a test identity is listed in: those of the words of its classname and name,
    /// but the ``stopWords``.
    static func shards(classname: String, name: String) -> Set<String> {
        Set((words(classname) + words(name)).filter { !stopWords.contains($0) }.compactMap(shard(of:)))
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .uppercaseLetter
    }

    private static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .lowercaseLetter
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }
}
