"""Searching the citywide index: Dutch full-text search with ranking, a trigram fallback for typos, and facets by
wijk and category with counts. Only wijken whose site is visible take part."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db.models import Count, F, QuerySet
from django.utils import translation

from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.platform.search.sources import entry_for, sources
from wijkmarkt.platform.wijken.connection import active_wijk
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


def _words(query: str):
    """Entries with the words (Dutch stemming), and how well each matches."""
    words = SearchQuery(query, search_type="websearch", config="dutch")
    visible = SearchEntry.objects.filter(wijk__status__in=SITE_VISIBLE, document=words)
    return visible, SearchRank(F("document"), words)


def _look_alike(query: str):
    """Entries whose title looks like the words (a typo), and how much."""
    visible = SearchEntry.objects.filter(wijk__status__in=SITE_VISIBLE, title__trigram_word_similar=query)
    return visible, TrigramWordSimilarity(query, "title")


def _counts(matches: QuerySet[SearchEntry]) -> list[Mapping[str, Any]]:
    """Matches per (wijk, category) pair, in one pass: both facets and the total are sums of these few rows."""
    return list(matches.order_by().values("wijk__schema_name", "wijk__name", "category").annotate(n=Count("pk")))


def _facets(
    counts: list[Mapping[str, Any]], key: str, label: str, chosen: str, other: str, other_chosen: str
) -> list[Facet]:
    """One facet's counts with the other facet's choice applied, so a count is what choosing it would show."""
    totals: dict[tuple[str, str], int] = {}
    for row in counts:
        if not other_chosen or row[other] == other_chosen:
            totals[row[key], row[label]] = totals.get((row[key], row[label]), 0) + row["n"]
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0][1]))
    return [Facet(value, name, n, value == chosen) for (value, name), n in ordered if value]


def search(query: str, *, wijk: str = "", category: str = "", page: int = 1) -> SearchPage:
    """One page of results for `query` (Dutch full text, best first; if nothing matches, titles that look like the
    words, for typos), narrowed to a wijk (slug) and/or a category. Two statements whatever the page: the counts
    per wijk and category, then the page."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SearchPage(query="", entries=[], total=0, page=1, pages=0)
    (matches, rank), typo_fallback = _words(query), False
    counts = _counts(matches)
    if not counts:
        (matches, rank), typo_fallback = _look_alike(query), True
        counts = _counts(matches)
    total = sum(
        row["n"]
        for row in counts
        if (not wijk or row["wijk__schema_name"] == wijk) and (not category or row["category"] == category)
    )
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    chosen = matches.filter(wijk__schema_name=wijk) if wijk else matches
    chosen = chosen.filter(category=category) if category else chosen
    start = (page - 1) * PAGE_SIZE
    entries = (
        chosen.annotate(rank=rank)
        .select_related("wijk")
        .prefetch_related("wijk__domains")
        .order_by("-rank", "-updated_at", "pk")
        if total
        else SearchEntry.objects.none()
    )
    return SearchPage(
        query=query,
        entries=list(entries[start : start + PAGE_SIZE]),
        total=total,
        page=page,
        pages=pages,
        typo_fallback=typo_fallback,
        wijk_facets=_facets(counts, "wijk__schema_name", "wijk__name", wijk, "category", category),
        category_facets=_facets(counts, "category", "category", category, "wijk__schema_name", wijk),
    )


@dataclass
class Disagreement:
    kind: str
    object_id: int
    problem: str  # "missing", "stale" or "not citywide"


def disagreements() -> list[Disagreement]:
    """Index rows of the active wijk that do not match their source: an item that should be found but is not
    (missing), one whose row shows old text (stale), and a row of an item that is not citywide-visible (any more)."""
    wijk, found = active_wijk(), []
    for kind, source in sources().items():
        with translation.override(settings.LANGUAGE_CODE):  # as the writes (actions._in_dutch)
            documents = list(source.documents())
        rows = {
            row.object_id: row for row in SearchEntry.objects.filter(wijk=wijk, kind=kind).only(*COMPARED, "object_id")
        }
        for document in documents:
            row, expected = rows.pop(document.object_id, None), entry_for(wijk, kind, document)
            if row is None:
                found.append(Disagreement(kind, document.object_id, "missing"))
            elif any(getattr(row, name) != getattr(expected, name) for name in COMPARED):
                found.append(Disagreement(kind, document.object_id, "stale"))
        found += [Disagreement(kind, object_id, "not citywide") for object_id in sorted(rows)]
    return found
