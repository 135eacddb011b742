"""Keeping the citywide index in step with its sources. The one write path: `sync` after an item changed (called by
the owning app's actions, inside their transaction, so the index never shows a change that rolled back), and
`rebuild_wijk` for the rebuild command. Both run inside the wijk's schema."""

from collections.abc import Iterable
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tenants.utils import tenant_context

from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.platform.search.sources import entry_for, sources
from wijkmarkt.platform.wijken.connection import active_wijk

BATCH = 1000


def _upsert(entries: list[SearchEntry]) -> None:
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["wijk", "kind", "object_id"],
        update_fields=["title", "summary", "category", "path", "updated_at"],
    )


def _in_dutch(fn):
    """Index rows are Dutch whoever caused the change (the tsvector is Dutch; labels such as "Aanbod" are built
    from translated choices), so an English visitor's edit does not put English words in the index."""

    @wraps(fn)
    def in_dutch(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return fn(*args, **kwargs)

    return in_dutch


@_in_dutch
@transaction.atomic
def sync(kind: str, ids: Iterable[int], wijk=None) -> None:
    """Index the items `ids` of `wijk` (by default the active one) as they are now: visible ones upserted, the
    others removed. Partner links live in the public schema, so their actions name the wijk."""
    ids = set(ids)
    if not ids:
        return
    wijk = wijk or active_wijk()
    with tenant_context(wijk):
        documents = list(sources()[kind].documents(ids))
    if documents:
        _upsert([entry_for(wijk, kind, document) for document in documents])
    gone = ids - {document.object_id for document in documents}
    if gone:
        SearchEntry.objects.filter(wijk=wijk, kind=kind, object_id__in=gone).delete()


@_in_dutch
def rebuild_wijk(kind: str, progress=lambda done: None) -> int:
    """Index every citywide item of the active wijk in batches of their own transactions, then remove rows whose
    item is no longer visible. Searches keep working meanwhile: rows are replaced in place, never emptied first."""
    wijk, started, done, batch = active_wijk(), timezone.now(), 0, []
    for document in sources()[kind].documents():
        batch.append(entry_for(wijk, kind, document))
        if len(batch) == BATCH:
            _upsert(batch)
            done += len(batch)
            progress(done)
            batch = []
    if batch:
        _upsert(batch)
        done += len(batch)
        progress(done)
    # Every visible item was just written (updated_at moved on), so older rows are items that are gone.
    SearchEntry.objects.filter(wijk=wijk, kind=kind, updated_at__lt=started).delete()
    return done


def remove_wijk(wijk) -> int:
    """A wijk whose site is not visible has nothing in the city's search."""
    deleted, _ = SearchEntry.objects.filter(wijk=wijk).delete()
    return deleted
