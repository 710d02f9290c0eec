-- Every workflow/job name with the backends that run it, for the search box.
SELECT workflow, job, repo
FROM site_search_jobs
ORDER BY workflow, job, repo
