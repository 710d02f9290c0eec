-- Every PR with its latest title and author, newest number first, for the search box.
SELECT pr_number, title, author
FROM site_search_prs
ORDER BY pr_number DESC
