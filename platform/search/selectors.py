"""Searching the citywide index: Dutch full-text search with ranking, a trigram fallback for typos, and facets by
wijk and category with counts. Only wijken whose site is visible take part."""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Count, F, QuerySet

from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.platform.search.sources import entry_for, sources
from wijkmarkt.platform.wijken.models import SITE_VISIBLE

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
COMPARED = ("title", "summary", "category", "path")


@dataclass
class Facet:
    value: str
    label: str
    count: int
    chosen: bool


@dataclass
class SearchPage:
    query: str
    entries: list[SearchEntry]
    total: int
    page: int
    pages: int
    typo_fallback: bool = False
    wijk_facets: list[Facet] = field(default_factory=list)
    category_facets: list[Facet] = field(default_factory=list)


def _matches(query: str) -> tuple[QuerySet[SearchEntry], bool]:
    """Entries matching the words, best first; if none do, those whose title looks like them (a typo)."""
    entries = SearchEntry.objects.filter(wijk__status__in=SITE_VISIBLE)
    words = SearchQuery(query, search_type="websearch", config="dutch")
    found = entries.filter(document=words).annotate(rank=SearchRank(F("document"), words))
    if found.exists():
        return found.order_by("-rank", "-updated_at", "pk"), False
    similar = entries.filter(title__trigram_word_similar=query).annotate(rank=TrigramWordSimilarity(query, "title"))
    return similar.order_by("-rank", "-updated_at", "pk"), True


def _facets(entries: QuerySet[SearchEntry], column: str, label_column: str, chosen: str) -> list[Facet]:
    rows = entries.order_by().values(column, label_column).annotate(n=Count("pk")).order_by("-n", label_column)
    return [Facet(str(row[column]), row[label_column], row["n"], str(row[column]) == chosen) for row in rows]


def search(query: str, *, wijk: str = "", category: str = "", page: int = 1) -> SearchPage:
    """One page of results for `query`, narrowed to a wijk (slug) and/or a category when chosen. Each facet counts
    with the other facet's choice applied, so a count is what choosing it would show."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SearchPage(query="", entries=[], total=0, page=1, pages=0)
    matches, typo_fallback = _matches(query)
    in_wijk = matches.filter(wijk__schema_name=wijk) if wijk else matches
    in_category = matches.filter(category=category) if category else matches
    chosen = in_wijk.filter(category=category) if category else in_wijk
    total = chosen.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    start = (page - 1) * PAGE_SIZE
    return SearchPage(
        query=query,
        entries=list(chosen.select_related("wijk").prefetch_related("wijk__domains")[start : start + PAGE_SIZE]),
        total=total,
        page=page,
        pages=pages,
        typo_fallback=typo_fallback,
        wijk_facets=_facets(in_category, "wijk__schema_name", "wijk__name", wijk),
        category_facets=[f for f in _facets(in_wijk, "category", "category", category) if f.value],
    )


@dataclass
class Disagreement:
    kind: str
    object_id: int
    problem: str  # "missing", "stale" or "not citywide"


def disagreements() -> list[Disagreement]:
    """Index rows of the active wijk that do not match their source: an item that should be found but is not
    (missing), one whose row shows old text (stale), and a row of an item that is not citywide-visible (any more)."""
    wijk, found = connection.tenant, []
    for kind, source in sources().items():
        rows = {
            row.object_id: row for row in SearchEntry.objects.filter(wijk=wijk, kind=kind).only(*COMPARED, "object_id")
        }
        for document in source.documents():
            row, expected = rows.pop(document.object_id, None), entry_for(wijk, kind, document)
            if row is None:
                found.append(Disagreement(kind, document.object_id, "missing"))
            elif any(getattr(row, name) != getattr(expected, name) for name in COMPARED):
                found.append(Disagreement(kind, document.object_id, "stale"))
        found += [Disagreement(kind, object_id, "not citywide") for object_id in sorted(rows)]
    return found
