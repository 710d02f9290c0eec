import Synchronization

/// Renders a plan's items on several workers (one per core by default), each a child task with
/// its own read-only connection, queries, path lookups and writer (``PageRenderer``): nothing is
/// shared but the queue of items and the templates, which are immutable.
///
/// The items' pages never share a path, so the writers never touch the same file. Workers take
/// the next item from the queue, so a heavy backend does not hold the others up. Rendering is
/// synchronous work (SQLite, templates, file writes) run on the workers' own tasks, so no
/// cooperative thread is blocked waiting for another.
enum ParallelRender {
    /// The next item to hand out, and whether a worker failed (the others then stop).
    private final class Queue: Sendable {
        private struct State {
            var next = 0
            var failed = false
        }
        private let state = Mutex(State())
        let count: Int

        init(count: Int) { self.count = count }

        /// The next item's index, or `nil` when none is left or a worker failed.
        func claim() -> Int? {
            state.withLock { state in
                guard !state.failed, state.next < count else { return nil }
                state.next += 1
                return state.next - 1
            }
        }

        func fail() { state.withLock { $0.failed = true } }
    }

    /// Renders `items` on `workers` workers, each made by `makeRenderer` in its own task.
    ///
    /// - Returns: What the workers did, merged.
    /// - Throws: The first error a worker hit (``RenderError`` names the page); the others stop
    ///   at their next item.
    static func run(
        _ items: [RenderItem], workers: Int, progress: BuildProgress,
        makeRenderer: @escaping @Sendable () throws -> PageRenderer
    ) async throws -> RenderTally {
        let queue = Queue(count: items.count)
        return try await withThrowingTaskGroup(of: RenderTally.self) { group in
            for _ in 0..<max(1, min(workers, items.count)) {
                group.addTask {
                    do {
                        var renderer = try makeRenderer()
                        while let index = queue.claim() {
                            try renderer.render(items[index])
                            progress.advance()
                        }
                        return renderer.finished
                    } catch {
                        queue.fail()
                        throw error
                    }
                }
            }
            var total = RenderTally()
            for try await tally in group { total.add(tally) }
            return total
        }
    }
}
