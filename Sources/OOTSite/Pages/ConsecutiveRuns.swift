extension Array where Element: Equatable {
    /// Runs of equal neighbours, in order, each with its length: `[a, a, b, a]` gives
    /// `[(a, 2), (b, 1), (a, 1)]`, the spans of grouped column headers (a matrix's workflows, the
    /// trunk grid's levels).
    func consecutiveRuns() -> [(value: Element, count: Int)] {
        var runs: [(value: Element, count: Int)] = []
        for element in self {
            if let last = runs.last, last.value == element {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((element, 1))
            }
        }
        return runs
    }
}
