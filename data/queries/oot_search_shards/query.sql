-- Every search shard with its number of tests (the search box loads the smallest shard among the
-- words typed).
SELECT shard, entries
FROM site_search_shards
ORDER BY shard
