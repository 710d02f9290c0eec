/// The row type each saved query's result is read into (spec §8): a query without one cannot run
/// its `params.json` tests, so a new query comes with its row type.
enum QueryRowTypes {
    /// The row type of each query, by query name.
    ///
    /// The four job listings share ``JobRow``, so they select the same job columns.
    static let byQuery: [String: any (Decodable & Sendable).Type] = [
        "oot_backend_bucket": JobRow.self,
        "oot_backend_buckets": OotBackendBucketsRow.self,
        "oot_backend_day_failures": OotBackendDayFailuresRow.self,
        "oot_backend_dashboard": JobRow.self,
        "oot_backend_failing_tests": OotBackendFailingTestsRow.self,
        "oot_backend_flaky_jobs": OotBackendFlakyJobsRow.self,
        "oot_backend_flaky_tests": OotBackendFlakyTestsRow.self,
        "oot_backend_job_runs": OotBackendJobRunsRow.self,
        "oot_backend_landing": OotBackendLandingRow.self,
        "oot_backend_readiness": OotBackendReadinessRow.self,
        "oot_backend_summary": OotBackendSummaryRow.self,
        "oot_backend_trend": OotBackendTrendRow.self,
        "oot_backends": OotBackendsRow.self,
        "oot_job_history": OotJobHistoryRow.self,
        "oot_job_report": OotJobReportRow.self,
        "oot_job_slowest": OotJobSlowestRow.self,
        "oot_job_suites": OotJobSuitesRow.self,
        "oot_job_test_identities": OotJobTestIdentitiesRow.self,
        "oot_job_testcases": OotJobTestcasesRow.self,
        "oot_lost_transitions": OotLostTransitionsRow.self,
        "oot_nightly_dashboard": JobRow.self,
        "oot_nightly_summary": OotNightlySummaryRow.self,
        "oot_pr_failing_tests": OotPrFailingTestsRow.self,
        "oot_pr_numbers": OotPrNumbersRow.self,
        "oot_pr_report_errors": OotPrReportErrorsRow.self,
        "oot_pr_results": JobRow.self,
        "oot_pr_test_grid": OotPrTestGridRow.self,
        "oot_prs_reclassified": OotPrsReclassifiedRow.self,
        "oot_report_keys": OotReportKeysRow.self,
        "oot_search_buckets": OotSearchBucketsRow.self,
        "oot_search_details": OotSearchDetailsRow.self,
        "oot_search_jobs": OotSearchJobsRow.self,
        "oot_search_prs": OotSearchPrsRow.self,
        "oot_search_shard": OotSearchShardRow.self,
        "oot_search_shards": OotSearchShardsRow.self,
        "oot_summary": OotSummaryRow.self,
        "oot_summary_trend": OotSummaryTrendRow.self,
        "oot_test_across_backends": OotTestAcrossBackendsRow.self,
        "oot_test_history": OotTestHistoryRow.self,
    ]
}
