"""The makelaar's evaluation figures for the console (platform/console/sources.py): signals about residents opened
and closed, and warm hand-overs to partners, counted in one wijk's schema. Counts only, never a signal's text."""

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.console.sources import ChartSpec, Count, Figure
from wijkmarkt.tenants.makelaar.models import HandOver, Signal

_SIGNALS = Count(
    fills=("signals_opened", "signals_closed", "hand_overs"),
    select="""
SELECT %s AS wijk, count(*) FILTER (WHERE created_at >= %s AND created_at < %s) AS opened,
       count(*) FILTER (WHERE closed_at >= %s AND closed_at < %s) AS closed,
       (SELECT count(*) FROM {t_handover} WHERE handed_over_at >= %s AND handed_over_at < %s) AS hand_overs
FROM {t_signal} WHERE (created_at >= %s AND created_at < %s) OR (closed_at >= %s AND closed_at < %s)""",
    params="sppppp",
    totals="""
SELECT wijk, sum(opened)::int, sum(closed)::int, sum(hand_overs)::int
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())""",
)


class MakelaarFigures:
    tables = {"t_signal": Signal, "t_handover": HandOver}
    figures = (
        Figure("signals_opened", _("Signalen binnengekomen")),
        Figure("signals_closed", _("Signalen afgesloten")),
        Figure("hand_overs", _("Overdrachten aan partners")),
    )
    counts = (_SIGNALS,)
    sums = ()
    charts = (
        ChartSpec(
            "signalen",
            _("Signalen en overdrachten"),
            _("Signalen over bewoners die binnenkwamen en die werden afgesloten, en warme overdrachten aan partners."),
            (
                ("signals_opened", _("Signalen binnen")),
                ("signals_closed", _("Signalen afgesloten")),
                ("hand_overs", _("Overdrachten")),
            ),
            with_citywide=False,
        ),
    )
