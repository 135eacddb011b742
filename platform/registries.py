"""The hooks a lower part declares as a settings list of dotted paths and the apps above it fill (SEARCH_SOURCES,
EVALUATION_SOURCES, PRIVACY_CONTRIBUTORS; docs/design.md): what such a list names, imported once per process and in
the list's order, the order the CSV's columns, the export's sections and the erasure follow."""

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def registered(setting: str) -> tuple[Any, ...]:
    """The objects the settings list `setting` names, in its order."""
    return tuple(import_string(path) for path in getattr(settings, setting))
