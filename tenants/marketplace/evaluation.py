"""The marketplace's evaluation figures for the console (platform/console/sources.py): exchanges and how they came
about, the residents taking part, how soon requests are answered, and the exchanges done with their hours. Each is
counted in one wijk's schema; the console runs every wijk's SELECT in one statement per Count."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.console.sources import ChartSpec, Count, Figure, Sum
from wijkmarkt.tenants.marketplace.models import Exchange, Listing

_EXCHANGES = Count(
    fills=("exchanges_website", "exchanges_makelaar", "done_exchanges", "done_hours"),
    select="""
SELECT %s AS wijk, via, status, hours, created_at >= %s AND created_at < %s AS started_in_period,
       done_at >= %s AND done_at < %s AS done_in_period
FROM {t_exchange}
WHERE (created_at >= %s AND created_at < %s) OR (done_at >= %s AND done_at < %s)""",
    params="spppp",
    totals="""
SELECT wijk,
       count(*) FILTER (WHERE started_in_period AND via = 'website'),
       count(*) FILTER (WHERE started_in_period AND via = 'makelaar'),
       count(*) FILTER (WHERE done_in_period AND status = 'done'),
       coalesce(sum(hours) FILTER (WHERE done_in_period AND status = 'done'), 0)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())""",
)

# The branches only list who took part how; one aggregate over all of them, not one per branch (bench_evaluation:
# a GROUP BY in each of 100 branches took 100 ms to execute on 400 rows).
_RESIDENTS = Count(
    fills=("residents_asking", "residents_offering", "residents_both"),
    select="""
SELECT %s AS wijk, owner_id AS member_id, kind = 'request' AS asking, kind = 'offer' AS offering
FROM {t_listing} WHERE created_at >= %s AND created_at < %s
UNION ALL
SELECT %s, party.member_id, party.asking, NOT party.asking
FROM {t_exchange} AS e CROSS JOIN LATERAL (VALUES (e.receiver_id, true), (e.helper_id, false))
     AS party(member_id, asking)
WHERE e.created_at >= %s AND e.created_at < %s""",
    params="spsp",
    totals="""
SELECT wijk,
       count(*) FILTER (WHERE asking AND NOT offering),
       count(*) FILTER (WHERE offering AND NOT asking),
       count(*) FILTER (WHERE asking AND offering)
FROM (SELECT wijk, member_id, bool_or(asking) AS asking, bool_or(offering) AS offering
      FROM ({union}) AS taking_part GROUP BY wijk, member_id) AS rows
GROUP BY GROUPING SETS ((wijk), ())""",
)

_RESPONSES = Count(
    fills=("requests_answered", "response_median_hours", "agreement_median_hours"),
    select="""
SELECT %s AS wijk,
       extract(epoch FROM min(e.first_response_at) - l.created_at) / 3600 AS to_response,
       extract(epoch FROM min(greatest(e.helper_agreed_at, e.receiver_agreed_at))
               FILTER (WHERE e.status IN ('agreed', 'done')) - l.created_at) / 3600 AS to_agreement
FROM {t_listing} AS l JOIN {t_exchange} AS e ON e.listing_id = l.id
WHERE l.kind = 'request' AND l.created_at >= %s AND l.created_at < %s
GROUP BY l.id, l.created_at""",
    params="sp",
    totals="""
SELECT wijk, count(to_response),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_response),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY to_agreement)
FROM ({union}) AS rows GROUP BY GROUPING SETS ((wijk), ())""",
)


class MarketplaceFigures:
    tables = {"t_exchange": Exchange, "t_listing": Listing}
    figures = (
        Figure("exchanges_website", _("Afspraken via de website")),
        Figure("exchanges_makelaar", _("Afspraken via de sociaal makelaar")),
        Figure("residents_asking", _("Bewoners die alleen vroegen")),  # a request, or received help
        Figure("residents_offering", _("Bewoners die alleen aanboden")),  # an offer, or helped
        Figure("residents_both", _("Bewoners die vroegen en aanboden")),
        Figure("requests_answered", _("Beantwoorde hulpvragen")),
        Figure(
            "response_median_hours", _("Mediaan uren tot eerste reactie"), empty=None, digits=1
        ),  # placed -> response
        Figure("agreement_median_hours", _("Mediaan uren tot afspraak"), empty=None, digits=1),  # placed -> agreement
        Figure("done_exchanges", _("Afspraken gedaan")),
        Figure("done_hours", _("Uren geholpen"), empty=Decimal("0")),
    )
    counts = (_EXCHANGES, _RESIDENTS, _RESPONSES)
    sums = (
        Sum("exchanges", ("exchanges_website", "exchanges_makelaar")),
        Sum("active_residents", ("residents_asking", "residents_offering", "residents_both")),
    )
    charts = (
        ChartSpec(
            "afspraken",
            _("Afspraken: via de website of via de sociaal makelaar"),
            _("Nieuwe afspraken tussen buren in de periode, naar hoe ze tot stand kwamen."),
            (("exchanges_website", _("Via de website")), ("exchanges_makelaar", _("Via de sociaal makelaar"))),
            with_citywide=False,
        ),
        ChartSpec(
            "bewoners",
            _("Actieve bewoners"),
            _("Bewoners die in de periode iets vroegen of aanboden, of hielpen of geholpen werden."),
            (
                ("residents_asking", _("Alleen vragen")),
                ("residents_offering", _("Alleen aanbieden")),
                ("residents_both", _("Allebei")),
            ),
            with_citywide=False,
        ),
        ChartSpec(
            "reactietijd",
            _("Reactietijd op hulpvragen (mediaan, in uren)"),
            _("Van het plaatsen van een hulpvraag tot de eerste reactie en tot de eerste afspraak."),
            (("response_median_hours", _("Tot eerste reactie")), ("agreement_median_hours", _("Tot afspraak"))),
        ),
        ChartSpec(
            "gedaan",
            _("Gedane afspraken en uren"),
            _("Afspraken die in de periode gedaan zijn, en de uren die daarbij geholpen is."),
            (("done_exchanges", _("Afspraken gedaan")), ("done_hours", _("Uren"))),
            with_citywide=False,
        ),
    )
