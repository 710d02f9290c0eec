-- Every detail bucket of the search index (ids / 32, docs/search.md); a full build writes them all.
SELECT DISTINCT id / 32 AS bucket
FROM site_search_tests
ORDER BY bucket
