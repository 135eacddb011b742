"""The evaluation figures of the wijken, per wijk and citywide, over a period: the one aggregation path of the
console, its GraphQL field, its CSV and the benchmark (tests/performance/bench_evaluation.py).

Which figures there are, and how each is counted in one wijk schema, the wijk apps declare (sources.py,
settings EVALUATION_SOURCES); this module only runs them. Every figure is counted in the wijk schemas themselves,
never copied by hand. Each figure group is ONE SQL statement: a UNION ALL of one small SELECT per wijk schema,
aggregated with GROUPING SETS ((wijk), ()) so the per-wijk rows and the citywide row come from the same rows (a
citywide median is the median of all the city's values, not a median of medians). So the number of statements does
not grow with the number of wijken: calling the apps' own selectors inside each wijk's schema instead cost two
statements per wijk and most of the time at 100 wijken (tests/performance/README.md, bench_evaluation).

This module reads aggregates only: counts, sums and medians. It never returns a row of a resident, a message, an
answer, a signal's text or a case; the console shows nothing else (tests/platform/console/test_console_privacy.py)."""

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.platform.console.errors import ConsoleErrorCode as Code
from wijkmarkt.platform.console.sources import figure_sources
from wijkmarkt.platform.errors import fail
from wijkmarkt.platform.wijken.connection import tenant_connection
from wijkmarkt.platform.wijken.models import Wijk

MAX_PERIOD_DAYS = 366 * 10
CITYWIDE = ""  # the slug of the citywide row


@dataclass
class Figures:
    """The figures of one wijk (slug, name) or of the whole city (slug CITYWIDE), read as attributes by the names
    the sources declare (figures.exchanges_website, figures.done_hours, ...)."""

    slug: str
    name: str
    values: dict[str, Any] = field(default_factory=dict)  # figure -> int, Decimal, float or None

    def __post_init__(self) -> None:
        for source in figure_sources():
            self.values.update({figure.attribute: figure.empty for figure in source.figures})
        self.add_up()

    def __getattr__(self, attribute: str):
        values = self.__dict__.get("values", {})
        if attribute not in values:
            raise AttributeError(attribute)
        return values[attribute]

    def add_up(self) -> None:
        """The figures that add up others (sources' `sums`), from the figures now counted."""
        for source in figure_sources():
            for total in source.sums:
                self.values[total.attribute] = sum(self.values[attribute] for attribute in total.of)

    @property
    def is_citywide(self) -> bool:
        return self.slug == CITYWIDE


def columns() -> list[tuple[str, object]]:
    """The CSV's columns and the table's rows: attribute name -> Dutch heading, the wijk's name first."""
    every = [(figure.attribute, figure.label) for source in figure_sources() for figure in source.figures]
    return [("name", gettext_lazy("Wijk")), *every]


@dataclass
class Evaluation:
    since: dt.date
    until: dt.date
    wijken: list[Figures]
    citywide: Figures
    statements: int = 0  # SQL statements this computation ran (the benchmark reports it)
    slugs: list[str] = field(default_factory=list)
    milliseconds: dict[str, float] = field(default_factory=dict)  # per figure group (the benchmark reports it)


def validate_period(since: dt.date | None, until: dt.date | None) -> tuple[dt.date, dt.date]:
    """Both dates are needed, the start not after the end, at most ten years."""
    errors = {}
    if since is None:
        errors["since"] = [fail(None, _("Vul een begindatum in, bijvoorbeeld 1-1-2026."), Code.INVALID_DATE)]
    if until is None:
        errors["until"] = [fail(None, _("Vul een einddatum in, bijvoorbeeld 31-12-2026."), Code.INVALID_DATE)]
    if since is None or until is None:
        raise ValidationError(errors)
    if since > until:
        raise fail(
            "since", _("De begindatum ligt na de einddatum. Kies een begindatum die ervoor ligt."), Code.PERIOD_REVERSED
        )
    if (until - since).days > MAX_PERIOD_DAYS:
        raise fail("until", _("Kies een periode van hoogstens tien jaar."), Code.PERIOD_TOO_LONG)
    return since, until


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months up to and including today."""
    today = today or timezone.localdate()
    return today.replace(year=today.year - 1) + dt.timedelta(days=1), today


def _bounds(since: dt.date, until: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start of `since`, start of the day after `until`) in Dutch local time."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(since, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start, end


def _table(model, schema: str) -> str:
    quote = connection.ops.quote_name
    return f"{quote(schema)}.{quote(model._meta.db_table)}"


def _params(slug: str, start, end, days, pattern: str) -> list:
    """The parameters of one schema's SELECT, in order: 's' the slug, 'p' a (start, end) pair of moments, 'd' the
    (first, last) pair of days."""
    values = []
    for kind in pattern:
        values.extend({"s": [slug], "p": [start, end], "d": list(days)}[kind])
    return values


def _existing_schemas(slugs: list[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [slugs])
        return {row[0] for row in cursor.fetchall()}


def wijken_for_evaluation(slug: str | None = None) -> list[Wijk]:
    """Every real wijk (or the one with this slug), in name order."""
    wijken = Wijk.objects.filter(is_template=False).order_by("name")
    return list(wijken.filter(schema_name=slug) if slug else wijken)


def _round(value, digits: int):
    return None if value is None else round(float(value), digits)


def figure_statements(slugs: list[str], since: dt.date, until: dt.date):
    """(SQL, parameters, the Figures attributes it fills) of each figure group over these wijk schemas."""
    start, end = _bounds(since, until)
    for source in figure_sources():
        for count in source.counts:
            parts, params = [], []
            for slug in slugs:
                parts.append(
                    count.select.format(**{name: _table(model, slug) for name, model in source.tables.items()})
                )
                params.extend(_params(slug, start, end, (since, until), count.params))
            yield count.totals.format(union="\nUNION ALL\n".join(parts)), params, list(count.fills)


def evaluate(*, since: dt.date, until: dt.date, wijken: list[Wijk]) -> Evaluation:
    """The figures of `wijken` (and of all of them together) between `since` and `until`, both days included."""
    since, until = validate_period(since, until)
    tenant_connection().set_schema_to_public()
    existing = _existing_schemas([wijk.schema_name for wijk in wijken])
    wijken = [wijk for wijk in wijken if wijk.schema_name in existing]
    by_slug = {wijk.schema_name: Figures(slug=wijk.schema_name, name=wijk.name) for wijk in wijken}
    citywide = Figures(slug=CITYWIDE, name=_("Heel Haarlem"))
    result = Evaluation(
        since=since, until=until, wijken=list(by_slug.values()), citywide=citywide, statements=1, slugs=list(by_slug)
    )
    if not wijken:
        return result
    digits = {f.attribute: f.digits for source in figure_sources() for f in source.figures if f.digits is not None}
    with connection.cursor() as cursor:
        for sql, params, attributes in figure_statements(list(by_slug), since, until):
            started = time.perf_counter()
            cursor.execute(sql, params)
            result.statements += 1
            for slug, *values in cursor.fetchall():
                target = citywide if slug is None else by_slug[slug]
                for attribute, value in zip(attributes, values, strict=True):
                    target.values[attribute] = _round(value, digits[attribute]) if attribute in digits else value
            result.milliseconds[attributes[0]] = (time.perf_counter() - started) * 1000
    for figures in [*result.wijken, citywide]:
        figures.add_up()
    return result


def rows_for_csv(evaluation: Evaluation) -> list[list]:
    """Header, one row per wijk, then the citywide row; numbers as plain text with a decimal point."""
    every = columns()
    header = [str(label) for _attribute, label in every]
    rows = [header]
    for figures in [*evaluation.wijken, evaluation.citywide]:
        row = []
        for attribute, _label in every:
            value = getattr(figures, attribute)
            row.append("" if value is None else str(value))
        rows.append(row)
    return rows
