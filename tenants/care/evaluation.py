"""Care's evaluation figures for the console (platform/console/sources.py): the satisfaction surveys at the start
and at the end of a support plan, counted in one wijk's schema.

They average the surveys exactly as the selector satisfaction_start_vs_end does (the mean of each survey's mean
score); a test holds the two to the same numbers per wijk (tests/platform/console/test_console_evaluation.py)."""

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.console.sources import ChartSpec, Count, Figure
from wijkmarkt.tenants.care.models import SatisfactionMeasurement

_SATISFACTION = Count(
    fills=("satisfaction_start_count", "satisfaction_start", "satisfaction_end_count", "satisfaction_end"),
    select="""
SELECT %s AS wijk, moment, (SELECT avg(score) FROM unnest(scores) AS score) AS average
FROM {t_satisfaction} WHERE moment IN ('start', 'end') AND measured_on BETWEEN %s AND %s""",
    params="sd",
    totals="""
SELECT wijk, count(*) FILTER (WHERE moment = 'start'), round(avg(average) FILTER (WHERE moment = 'start'), 2),
       count(*) FILTER (WHERE moment = 'end'), round(avg(average) FILTER (WHERE moment = 'end'), 2)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())""",
)


class CareFigures:
    tables = {"t_satisfaction": SatisfactionMeasurement}
    figures = (
        Figure("satisfaction_start_count", _("Tevredenheid begin: aantal metingen")),
        Figure("satisfaction_start", _("Tevredenheid begin (1 tot 5)"), empty=None, digits=2),  # average 1 to 5
        Figure("satisfaction_end_count", _("Tevredenheid eind: aantal metingen")),
        Figure("satisfaction_end", _("Tevredenheid eind (1 tot 5)"), empty=None, digits=2),
    )
    counts = (_SATISFACTION,)
    sums = ()
    charts = (
        ChartSpec(
            "tevredenheid",
            _("Tevredenheid over de hulp in huis: begin en eind (1 tot 5)"),
            _(
                "Gemiddelde score van de tevredenheidsmetingen bij het begin en het eind van een "
                "ondersteuningsplan, gemeten in de periode."
            ),
            (("satisfaction_start", _("Begin")), ("satisfaction_end", _("Eind"))),
        ),
    )
