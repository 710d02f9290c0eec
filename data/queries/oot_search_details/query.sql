-- The details of the indexed tests with ids :first … :last (one detail bucket, docs/search.md):
-- each backend's latest execution of each, by id then backend.
SELECT t.id, t.classname, t.name, r.repo, r.outcome, r.dynamoKey
FROM site_search_tests t
JOIN site_search_runs r ON r.id = t.id
WHERE t.id BETWEEN :first AND :last
ORDER BY t.id, r.repo
