"""The `tct` command line: drives the crawler (crawl, extract, reparse) and the archive (search,
export, stats, runs, serve). It stands above both packages, which never import it."""
