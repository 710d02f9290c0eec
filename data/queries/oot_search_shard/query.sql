-- The tests of one search word shard (docs/search.md): every indexed test with a word whose first
-- two characters are :shard, by classname and name, with its id (its details are in the bucket
-- id / 32). Kept by the build's index stage (site_search_*), so it costs the shard's size at any
-- history size.
SELECT t.classname, t.name, t.id
FROM site_search_words w
JOIN site_search_tests t ON t.id = w.id
WHERE w.shard = :shard
ORDER BY t.classname, t.name
