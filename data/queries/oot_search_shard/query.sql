-- One part of a search word shard (docs/search.md): of the indexed tests with a word whose first
-- two characters are :shard, in id order, the :part_size from :offset on, by classname and name,
-- with their ids (their details are in the buckets id / 32). Kept by the build's index stage
-- (site_search_*; the key (shard, id) finds the part), so it costs the part's size at any history
-- size.
SELECT t.classname, t.name, t.id
FROM (
    SELECT id FROM site_search_words WHERE shard = :shard ORDER BY id LIMIT :part_size OFFSET :offset
) w
JOIN site_search_tests t ON t.id = w.id
ORDER BY t.classname, t.name
