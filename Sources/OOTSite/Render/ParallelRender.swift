import Foundation
import OOTCore

/// Renders a plan's items on several threads (one per core by default).
///
/// Each worker has its own read-only connection, query runner, path lookups and writer; the
/// items' pages never share a path, so the writers never touch the same file. Workers take the
/// next item from a shared queue, so a heavy backend does not hold the others up.
final class ParallelRender: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failure: (any Error)?

    /// Runs `items` on `passes.count` workers.
    ///
    /// - Returns: The passes after their work, to merge their counts.
    /// - Throws: The first error a worker hit (the others stop at their next item).
    static func run(_ items: [RenderPass.Item], passes: [RenderPass], progress: BuildProgress) throws -> [RenderPass] {
        let state = ParallelRender()
        let results = Results(passes)
        DispatchQueue.concurrentPerform(iterations: passes.count) { worker in
            var pass = results.take(worker)
            while let index = state.claim(items.count) {
                do {
                    try pass.render(items[index])
                    progress.advance()
                } catch {
                    state.fail(error)
                    break
                }
            }
            results.put(worker, pass)
        }
        if let failure = state.failure { throw failure }
        return results.passes
    }

    private func claim(_ count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    private func fail(_ error: any Error) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    /// The workers' passes, each handed to one worker and back.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var passes: [RenderPass]
        init(_ passes: [RenderPass]) { self.passes = passes }
        func take(_ i: Int) -> RenderPass {
            lock.lock()
            defer { lock.unlock() }
            return passes[i]
        }
        func put(_ i: Int, _ pass: RenderPass) {
            lock.lock()
            passes[i] = pass
            lock.unlock()
        }
    }
}
