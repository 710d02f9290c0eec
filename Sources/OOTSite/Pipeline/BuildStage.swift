/// One named step of the build (after the publishing steps of static site generators): a body
/// that reads and updates the ``BuildContext``.
///
/// ``SiteBuilder`` runs ``pipeline`` in order, timing each stage into
/// ``BuildReport/seconds`` under its name and wrapping its errors in a ``BuildStageError``.
struct BuildStage: Sendable {
    /// The stage's name, as in the build's summary line: `fold`, `harvest`, ….
    let name: String
    /// The work.
    let body: @Sendable (inout BuildContext) async throws -> Void

    /// The build's stages, in order.
    ///
    /// The first three write the database; the rest only read it (through read-only
    /// connections) and write files.
    static let pipeline: [BuildStage] = [
        // Spec §6: apply new callbacks to one row per job.
        BuildStage(name: "fold") { try $0.fold() },
        // Spec §7: fetch and parse the JUnit reports of newly completed jobs.
        BuildStage(name: "harvest") { try await $0.harvest() },
        // The site tables (site_backends, site_backend_prs, site_paths, site_daily) and what changed.
        BuildStage(name: "index") { try $0.index() },
        // Which pages this build renders: everything, or what changed (RenderPlanner).
        BuildStage(name: "plan") { try $0.plan() },
        // Spec §8–§10: saved queries → view models → templates → files in the scratch tree.
        BuildStage(name: "render") { try await $0.render() },
        // Switch `current` to the scratch tree atomically; mark the rendered jobs done.
        BuildStage(name: "publish") { try $0.publish() },
    ]
}
