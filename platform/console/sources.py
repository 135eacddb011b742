"""What the evaluation figures are. Each wijk app that has figures declares them in a source of its own (settings
EVALUATION_SOURCES, read like SEARCH_SOURCES), so the console never imports a wijk app: a source names its figures
with their Dutch headings, says how to count them in one wijk schema and which charts show them. The sources' order
in the settings is the order of the CSV's columns, of the table and of the charts.

How a source counts: each `Count` is one SELECT over one wijk schema's tables (written {name}, the keys of the
source's `tables`), whose first column `wijk` is the wijk's slug. The console puts every wijk's SELECT in one
UNION ALL and the source's `totals` aggregates it with GROUP BY GROUPING SETS ((wijk), ()): one row per wijk and the
citywide row (wijk null) from the same rows, so the number of statements does not grow with the number of wijken
(platform/console/evaluation.py says why)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db import models
from django.utils.functional import Promise

from wijkmarkt.platform.registries import registered


@dataclass(frozen=True)
class Figure:
    attribute: str  # the name the figures are read by (Figures, GraphQL, charts)
    label: Promise  # the CSV's heading and the table's row, in Dutch (gettext_lazy)
    empty: object = 0  # the figure of a wijk with nothing to count
    digits: int | None = None  # rounded to this many decimals (medians and averages)


@dataclass(frozen=True)
class Count:
    """One SQL statement that fills `fills` for every wijk and the city. `params` lists the parameters of `select`
    in order: 's' the wijk's slug, 'p' the period's (start, end) moments, 'd' its (first, last) days. `totals`
    answers wijk, then the figures in `fills`, in that order, aggregated over {union}."""

    fills: tuple[str, ...]
    select: str
    params: str
    totals: str


@dataclass(frozen=True)
class Sum:
    """A figure that adds up others (not a column of its own): all exchanges, whichever way they came."""

    attribute: str
    of: tuple[str, ...]


@dataclass(frozen=True)
class ChartSpec:
    key: str  # the chart's anchor on the page
    title: Promise
    caption: Promise
    series: tuple[tuple[str, Promise], ...]  # (figure, legend), in bar order
    with_citywide: bool = True  # counts compare wijken, so their citywide total would dwarf every wijk's bar


class FigureSource(Protocol):
    tables: Mapping[str, type[models.Model]]  # {name} in the SQL -> the model whose table that is
    figures: Sequence[Figure]  # in the order of the columns
    counts: Sequence[Count]
    sums: Sequence[Sum]
    charts: Sequence[ChartSpec]


def figure_sources() -> list[FigureSource]:
    return [source() for source in registered("EVALUATION_SOURCES")]
