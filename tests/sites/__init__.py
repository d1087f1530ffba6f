"""Mock school sites, each a module with `build()` (its routes and articles), `article_path(a)`
and `truth(a)`; served by tct.demo.server in tests and benchmarks."""


def layout(site) -> tuple:
    """(build, the article paths of the built articles, the truth of an article) of a site module."""
    return site.build, lambda arts: [site.article_path(a) for a in arts], site.truth
