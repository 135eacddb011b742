"""What feeds the citywide index. Each kind of citywide item has a source in the app that owns it (settings
SEARCH_SOURCES), so this app never imports a wijk app: a source says, inside a wijk's schema, which of its items
are citywide-visible now and how they read in the index."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from wijkmarkt.platform.registries import registered
from wijkmarkt.platform.search.models import SearchEntry

SUMMARY_LENGTH = 300


@dataclass(frozen=True)
class Document:
    object_id: int
    title: str
    summary: str
    category: str
    path: str


class Source(Protocol):
    kind: str

    def documents(self, ids: Iterable[int] | None = None) -> Iterable[Document]:
        """The citywide-visible items of the active wijk (all, or those among `ids`), as index documents."""


def sources() -> dict[str, Source]:
    loaded = [source() for source in registered("SEARCH_SOURCES")]
    return {source.kind: source for source in loaded}


def entry_for(wijk, kind: str, document: Document) -> SearchEntry:
    summary = " ".join(document.summary.split())
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return SearchEntry(
        wijk=wijk,
        kind=kind,
        object_id=document.object_id,
        title=document.title[:200],
        summary=summary,
        category=document.category[:100],
        path=document.path,
    )
