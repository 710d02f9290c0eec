-- Issue 16: the summary's sparklines, every backend's daily PR pass rate over the :days UTC days
-- that end with the day of :now, from the daily rollup site_daily. Only days with a completed
-- job have a row; the page fills the others as gaps.
SELECT repo, day, total, successes
FROM site_daily
WHERE day > date(:now, '-' || :days || ' days') AND day <= date(:now)
ORDER BY repo, day
