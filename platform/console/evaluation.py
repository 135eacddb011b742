"""The evaluation figures of the wijken, per wijk and citywide, over a period: the one aggregation path of the
console, its GraphQL field, its CSV and the benchmark (tests/performance/bench_evaluation.py).

Every figure is counted in the wijk schemas themselves, never copied by hand. Each figure group is ONE SQL
statement: a UNION ALL of one small SELECT per wijk schema, aggregated with GROUPING SETS ((wijk), ()) so the
per-wijk rows and the citywide row come from the same rows (a citywide median is the median of all the city's
values, not a median of medians). So the number of statements does not grow with the number of wijken.

The satisfaction figures average the surveys exactly as the care module's selector satisfaction_start_vs_end does
(the mean of each survey's mean score); a test holds the two to the same numbers per wijk. Calling that selector
inside each wijk's schema instead cost two statements per wijk and most of the time at 100 wijken
(tests/performance/README.md, bench_evaluation).

This module reads aggregates only: counts, sums and medians. It never returns a row of a resident, a message, an
answer, a signal's text or a case; the console shows nothing else (tests/platform/console/test_console_privacy.py)."""

import datetime as dt
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkmarkt.platform.console.errors import ConsoleErrorCode as Code
from wijkmarkt.platform.errors import fail
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.care.models import SatisfactionMeasurement
from wijkmarkt.tenants.makelaar.models import HandOver, Signal
from wijkmarkt.tenants.marketplace.models import Exchange, Listing

MAX_PERIOD_DAYS = 366 * 10
CITYWIDE = ""  # the slug of the citywide row


@dataclass
class Figures:
    """The figures of one wijk (slug, name) or of the whole city (slug CITYWIDE)."""

    slug: str
    name: str
    exchanges_website: int = 0
    exchanges_makelaar: int = 0
    residents_asking: int = 0  # only asked (a request, or received help)
    residents_offering: int = 0  # only offered (an offer, or helped)
    residents_both: int = 0
    requests_answered: int = 0
    response_median_hours: float | None = None  # request placed -> first response
    agreement_median_hours: float | None = None  # request placed -> first agreement
    done_exchanges: int = 0
    done_hours: Decimal = Decimal("0")
    satisfaction_start_count: int = 0
    satisfaction_start: float | None = None  # average 1 to 5
    satisfaction_end_count: int = 0
    satisfaction_end: float | None = None
    signals_opened: int = 0
    signals_closed: int = 0
    hand_overs: int = 0

    @property
    def is_citywide(self) -> bool:
        return self.slug == CITYWIDE

    @property
    def exchanges(self) -> int:
        return self.exchanges_website + self.exchanges_makelaar

    @property
    def active_residents(self) -> int:
        return self.residents_asking + self.residents_offering + self.residents_both


# The CSV's columns and the charts' labels: attribute name -> Dutch heading.
COLUMNS = [
    ("name", gettext_lazy("Wijk")),
    ("exchanges_website", gettext_lazy("Afspraken via de website")),
    ("exchanges_makelaar", gettext_lazy("Afspraken via de sociaal makelaar")),
    ("residents_asking", gettext_lazy("Bewoners die alleen vroegen")),
    ("residents_offering", gettext_lazy("Bewoners die alleen aanboden")),
    ("residents_both", gettext_lazy("Bewoners die vroegen en aanboden")),
    ("requests_answered", gettext_lazy("Beantwoorde hulpvragen")),
    ("response_median_hours", gettext_lazy("Mediaan uren tot eerste reactie")),
    ("agreement_median_hours", gettext_lazy("Mediaan uren tot afspraak")),
    ("done_exchanges", gettext_lazy("Afspraken gedaan")),
    ("done_hours", gettext_lazy("Uren geholpen")),
    ("satisfaction_start_count", gettext_lazy("Tevredenheid begin: aantal metingen")),
    ("satisfaction_start", gettext_lazy("Tevredenheid begin (1 tot 5)")),
    ("satisfaction_end_count", gettext_lazy("Tevredenheid eind: aantal metingen")),
    ("satisfaction_end", gettext_lazy("Tevredenheid eind (1 tot 5)")),
    ("signals_opened", gettext_lazy("Signalen binnengekomen")),
    ("signals_closed", gettext_lazy("Signalen afgesloten")),
    ("hand_overs", gettext_lazy("Overdrachten aan partners")),
]


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
    if errors:
        raise ValidationError(errors)
    if since > until:
        raise fail("since", _("De begindatum ligt na de einddatum. Kies een begindatum die ervoor ligt."),
                   Code.PERIOD_REVERSED)  # fmt: skip
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


# One SELECT per wijk schema; {t_*} are that schema's tables, %s the wijk's slug then the period bounds.
_EXCHANGES = """
SELECT %s AS wijk, via, status, hours, created_at >= %s AND created_at < %s AS started_in_period,
       done_at >= %s AND done_at < %s AS done_in_period
FROM {t_exchange}
WHERE (created_at >= %s AND created_at < %s) OR (done_at >= %s AND done_at < %s)"""
_EXCHANGES_TOTALS = """
SELECT wijk,
       count(*) FILTER (WHERE started_in_period AND via = 'website'),
       count(*) FILTER (WHERE started_in_period AND via = 'makelaar'),
       count(*) FILTER (WHERE done_in_period AND status = 'done'),
       coalesce(sum(hours) FILTER (WHERE done_in_period AND status = 'done'), 0)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())"""

# The branches only list who took part how; one aggregate over all of them, not one per branch (bench_evaluation:
# a GROUP BY in each of 100 branches took 100 ms to execute on 400 rows).
_RESIDENTS = """
SELECT %s AS wijk, owner_id AS member_id, kind = 'request' AS asking, kind = 'offer' AS offering
FROM {t_listing} WHERE created_at >= %s AND created_at < %s
UNION ALL
SELECT %s, party.member_id, party.asking, NOT party.asking
FROM {t_exchange} AS e CROSS JOIN LATERAL (VALUES (e.receiver_id, true), (e.helper_id, false))
     AS party(member_id, asking)
WHERE e.created_at >= %s AND e.created_at < %s"""
_RESIDENTS_TOTALS = """
SELECT wijk,
       count(*) FILTER (WHERE asking AND NOT offering),
       count(*) FILTER (WHERE offering AND NOT asking),
       count(*) FILTER (WHERE asking AND offering)
FROM (SELECT wijk, member_id, bool_or(asking) AS asking, bool_or(offering) AS offering
      FROM ({union}) AS taking_part GROUP BY wijk, member_id) AS rows
GROUP BY GROUPING SETS ((wijk), ())"""

_RESPONSES = """
SELECT %s AS wijk,
       extract(epoch FROM min(e.first_response_at) - l.created_at) / 3600 AS to_response,
       extract(epoch FROM min(greatest(e.helper_agreed_at, e.receiver_agreed_at))
               FILTER (WHERE e.status IN ('agreed', 'done')) - l.created_at) / 3600 AS to_agreement
FROM {t_listing} AS l JOIN {t_exchange} AS e ON e.listing_id = l.id
WHERE l.kind = 'request' AND l.created_at >= %s AND l.created_at < %s
GROUP BY l.id, l.created_at"""
_RESPONSES_TOTALS = """
SELECT wijk, count(to_response),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_response),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_agreement)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())"""

_MAKELAAR = """
SELECT %s AS wijk, count(*) FILTER (WHERE created_at >= %s AND created_at < %s) AS opened,
       count(*) FILTER (WHERE closed_at >= %s AND closed_at < %s) AS closed,
       (SELECT count(*) FROM {t_handover} WHERE handed_over_at >= %s AND handed_over_at < %s) AS hand_overs
FROM {t_signal} WHERE (created_at >= %s AND created_at < %s) OR (closed_at >= %s AND closed_at < %s)"""
_MAKELAAR_TOTALS = """
SELECT wijk, sum(opened)::int, sum(closed)::int, sum(hand_overs)::int
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())"""

_SATISFACTION = """
SELECT %s AS wijk, moment, (SELECT avg(score) FROM unnest(scores) AS score) AS average
FROM {t_satisfaction} WHERE moment IN ('start', 'end') AND measured_on BETWEEN %s AND %s"""
_SATISFACTION_TOTALS = """
SELECT wijk, count(*) FILTER (WHERE moment = 'start'), round(avg(average) FILTER (WHERE moment = 'start'), 2),
       count(*) FILTER (WHERE moment = 'end'), round(avg(average) FILTER (WHERE moment = 'end'), 2)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())"""


def _params(slug: str, start, end, days, pattern: str) -> list:
    """The parameters of one schema's SELECT, in order: 's' the slug, 'p' a (start, end) pair of moments, 'd' the
    (first, last) pair of days."""
    values = []
    for kind in pattern:
        values.extend({"s": [slug], "p": [start, end], "d": list(days)}[kind])
    return values


# figure group: (per-schema SELECT, its parameter pattern, the totals around it, the Figures attributes it fills)
_GROUPS = [
    (_EXCHANGES, "spppp", _EXCHANGES_TOTALS,
     ["exchanges_website", "exchanges_makelaar", "done_exchanges", "done_hours"]),
    (_RESIDENTS, "spsp", _RESIDENTS_TOTALS, ["residents_asking", "residents_offering", "residents_both"]),
    (_RESPONSES, "sp", _RESPONSES_TOTALS, ["requests_answered", "response_median_hours", "agreement_median_hours"]),
    (_MAKELAAR, "sppppp", _MAKELAAR_TOTALS, ["signals_opened", "signals_closed", "hand_overs"]),
    (_SATISFACTION, "sd", _SATISFACTION_TOTALS,
     ["satisfaction_start_count", "satisfaction_start", "satisfaction_end_count", "satisfaction_end"]),
]  # fmt: skip


def _tables(schema: str) -> dict[str, str]:
    return {
        "t_exchange": _table(Exchange, schema),
        "t_listing": _table(Listing, schema),
        "t_signal": _table(Signal, schema),
        "t_handover": _table(HandOver, schema),
        "t_satisfaction": _table(SatisfactionMeasurement, schema),
    }


def _existing_schemas(slugs: list[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [slugs])
        return {row[0] for row in cursor.fetchall()}


def wijken_for_evaluation(slug: str | None = None) -> list[Wijk]:
    """Every real wijk (or the one with this slug), in name order."""
    wijken = Wijk.objects.filter(is_template=False).order_by("name")
    return list(wijken.filter(schema_name=slug) if slug else wijken)


_ROUNDED = {"response_median_hours": 1, "agreement_median_hours": 1, "satisfaction_start": 2, "satisfaction_end": 2}


def _round(value, digits: int):
    return None if value is None else round(float(value), digits)


def figure_statements(slugs: list[str], since: dt.date, until: dt.date):
    """(SQL, parameters, the Figures attributes it fills) of each figure group over these wijk schemas."""
    start, end = _bounds(since, until)
    for select, pattern, totals, attributes in _GROUPS:
        parts, params = [], []
        for slug in slugs:
            parts.append(select.format(**_tables(slug)))
            params.extend(_params(slug, start, end, (since, until), pattern))
        yield totals.format(union="\nUNION ALL\n".join(parts)), params, attributes


def evaluate(*, since: dt.date, until: dt.date, wijken: list[Wijk]) -> Evaluation:
    """The figures of `wijken` (and of all of them together) between `since` and `until`, both days included."""
    since, until = validate_period(since, until)
    connection.set_schema_to_public()
    existing = _existing_schemas([wijk.schema_name for wijk in wijken])
    wijken = [wijk for wijk in wijken if wijk.schema_name in existing]
    by_slug = {wijk.schema_name: Figures(slug=wijk.schema_name, name=wijk.name) for wijk in wijken}
    citywide = Figures(slug=CITYWIDE, name=_("Heel Haarlem"))
    result = Evaluation(since=since, until=until, wijken=list(by_slug.values()), citywide=citywide, statements=1,
                        slugs=list(by_slug))  # fmt: skip
    if not wijken:
        return result
    with connection.cursor() as cursor:
        for sql, params, attributes in figure_statements(list(by_slug), since, until):
            started = time.perf_counter()
            cursor.execute(sql, params)
            result.statements += 1
            for slug, *values in cursor.fetchall():
                target = citywide if slug is None else by_slug[slug]
                for attribute, value in zip(attributes, values, strict=True):
                    setattr(target, attribute, _round(value, _ROUNDED[attribute]) if attribute in _ROUNDED else value)
            result.milliseconds[attributes[0]] = (time.perf_counter() - started) * 1000
    return result


def rows_for_csv(evaluation: Evaluation) -> list[list]:
    """Header, one row per wijk, then the citywide row; numbers as plain text with a decimal point."""
    header = [str(label) for _attribute, label in COLUMNS]
    rows = [header]
    for figures in [*evaluation.wijken, evaluation.citywide]:
        row = []
        for attribute, _label in COLUMNS:
            value = getattr(figures, attribute)
            row.append("" if value is None else str(value))
        rows.append(row)
    return rows
