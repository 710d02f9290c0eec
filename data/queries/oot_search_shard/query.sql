-- The entries of one search shard (docs/search.md): every indexed test with a word whose first two
-- characters are :shard, with its latest execution on each backend that ran it. Kept by the
-- build's index stage (site_search_*), so it costs the shard's size at any history size.
SELECT t.classname, t.name, r.repo, r.outcome, r.dynamoKey
FROM site_search_words w
JOIN site_search_tests t ON t.id = w.id
JOIN site_search_runs r ON r.id = w.id
WHERE w.shard = :shard
ORDER BY t.classname, t.name, r.repo
