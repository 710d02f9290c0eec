-- Every PR any backend ran on (a full build renders each PR page).
SELECT DISTINCT pr_number
FROM site_backend_prs
ORDER BY pr_number DESC
