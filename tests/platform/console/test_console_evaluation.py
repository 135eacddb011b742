"""The evaluation figures on known data: exchanges with known dates in Parkwijk and Centrum, expected values worked
out by hand in each test (not by the code under test); a figure of one wijk never counts another wijk's rows; the
dashboard, its CSV and the audit log of every cross-wijk read."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.console import at, seed_exchange
from tests.builders.marketplace import consents_to_makelaar
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.console.evaluation import evaluate, wijken_for_evaluation
from wijkmarkt.platform.console.models import AuditAction, AuditEntry
from wijkmarkt.tenants.care.actions.plans import PlanInput, record_satisfaction, start_support_plan
from wijkmarkt.tenants.care.selectors import satisfaction_start_vs_end
from wijkmarkt.tenants.makelaar.actions.signals import close_signal, report_signal
from wijkmarkt.tenants.makelaar.models import Signal
from wijkmarkt.tenants.membership.selectors import actor_for

MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def d(day: int, month: int = 3) -> dt.date:
    return dt.date(2026, month, day)


@pytest.fixture
def known(parkwijk, centrum, console_members):
    """Parkwijk in March: four exchanges started (one via the makelaar), two done (2 + 1.5 hours); one exchange
    entirely in February. Centrum in March: one exchange, done, 3 hours."""
    anna, bram, cor, dirk, eva = (console_members[k] for k in ("anna", "bram", "cor", "dirk", "eva"))
    # E1: request 2 h to a response, 24 h to agreement, done
    seed_exchange(
        parkwijk,
        anna,
        bram,
        placed=at(d(2), 10),
        responded=at(d(2), 12),
        agreed=at(d(3), 10),
        done=at(d(5)),
        hours="2.0",
    )
    # E2: via the makelaar, 4 h to a response, 30 h to agreement, done
    seed_exchange(
        parkwijk,
        anna,
        cor,
        placed=at(d(10), 9),
        responded=at(d(10), 13),
        agreed=at(d(11), 15),
        done=at(d(20)),
        hours="1.5",
        via="makelaar",
    )
    # E3: Bram offers, Cor takes it: not a request, so not in the response times
    seed_exchange(parkwijk, cor, bram, placed=at(d(15)), responded=at(d(16)), kind="offer")
    # E4: all in February
    seed_exchange(
        parkwijk,
        anna,
        bram,
        placed=at(d(10, 2)),
        responded=at(d(11, 2)),
        agreed=at(d(11, 2)),
        done=at(d(12, 2)),
        hours="5",
    )
    # E5: Bram asks, Cor answers after 6 h, no agreement yet
    seed_exchange(parkwijk, bram, cor, placed=at(d(25), 10), responded=at(d(25), 16))
    # C1 in Centrum: 1 h to a response, 24 h to agreement, done, 3 hours
    seed_exchange(
        centrum, dirk, eva, placed=at(d(5), 10), responded=at(d(5), 11), agreed=at(d(6), 10), done=at(d(7)), hours="3"
    )
    connection.set_schema_to_public()
    return console_members


def _by_slug(result):
    return {f.slug: f for f in result.wijken}


def test_figures_per_wijk_on_known_data(known):
    result = evaluate(since=MARCH[0], until=MARCH[1], wijken=wijken_for_evaluation())
    park = _by_slug(result)["parkwijk"]
    assert (park.exchanges_website, park.exchanges_makelaar) == (3, 1)
    assert (park.done_exchanges, float(park.done_hours)) == (2, 3.5)
    # Anna only asked; Bram offered and asked (E5); Cor helped and took Bram's offer
    assert (park.residents_asking, park.residents_offering, park.residents_both) == (1, 0, 2)
    assert park.requests_answered == 3
    assert park.response_median_hours == 4.0  # median of 2, 4, 6
    assert park.agreement_median_hours == 27.0  # median of 24 and 30
    centrum = _by_slug(result)["centrum"]
    assert (centrum.exchanges_website, centrum.exchanges_makelaar, centrum.done_exchanges) == (1, 0, 1)
    assert (centrum.residents_asking, centrum.residents_offering, centrum.residents_both) == (1, 1, 0)
    assert (centrum.response_median_hours, centrum.agreement_median_hours) == (1.0, 24.0)


def test_citywide_figures_are_over_all_rows_not_medians_of_medians(known):
    city = evaluate(since=MARCH[0], until=MARCH[1], wijken=wijken_for_evaluation()).citywide
    assert (city.exchanges_website, city.exchanges_makelaar, city.done_exchanges) == (4, 1, 3)
    assert float(city.done_hours) == 6.5
    assert (city.residents_asking, city.residents_offering, city.residents_both) == (2, 1, 2)
    assert city.response_median_hours == 3.0  # median of 1, 2, 4, 6 (a median of medians would be 2.5)
    assert city.agreement_median_hours == 24.0  # median of 24, 24, 30


def test_a_figure_for_parkwijk_never_counts_centrum(known, parkwijk, centrum):
    alone = evaluate(since=MARCH[0], until=MARCH[1], wijken=[parkwijk])
    assert [f.slug for f in alone.wijken] == ["parkwijk"]
    park = alone.wijken[0]
    assert (park.exchanges_website, park.done_exchanges, float(park.done_hours)) == (3, 2, 3.5)
    assert alone.citywide.exchanges == park.exchanges  # the city of one wijk is that wijk
    centrum_alone = evaluate(since=MARCH[0], until=MARCH[1], wijken=[centrum]).wijken[0]
    assert (centrum_alone.exchanges, centrum_alone.done_exchanges) == (1, 1)


def test_the_period_bounds_are_whole_dutch_days(known):
    february = evaluate(since=d(1, 2), until=d(28, 2), wijken=wijken_for_evaluation("parkwijk")).wijken[0]
    assert (february.exchanges_website, february.done_exchanges, float(february.done_hours)) == (1, 1, 5.0)
    one_day = evaluate(since=d(2), until=d(2), wijken=wijken_for_evaluation("parkwijk")).wijken[0]
    assert one_day.exchanges == 1 and one_day.done_exchanges == 0


def test_signals_and_satisfaction_come_from_the_wijk(parkwijk, centrum):
    makelaar = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    resident = make_member(parkwijk, "Truus")
    make_member(centrum, "Karel")
    with tenant_context(parkwijk):
        actor = actor_for(makelaar.user)
        first = report_signal(actor=actor, about="De buurvrouw", worry="Ik zie haar niet meer buiten.")
        report_signal(actor=actor, about="De buurman", worry="Hij lijkt verward.")
        close_signal(actor=actor, signal=first, outcome="Langs geweest, het gaat goed.")
        consents_to_makelaar(makelaar, resident)
        plan = start_support_plan(
            actor=actor,
            member=resident,
            provider=None,
            data=PlanInput(review_dates=[dt.date.today() + dt.timedelta(days=30)]),
        )
        today = dt.date.today()
        record_satisfaction(actor=actor, plan=plan, moment="start", scores=[2, 3, 4, 3, 3], measured_on=today)
        record_satisfaction(actor=actor, plan=plan, moment="end", scores=[4, 4, 5, 4, 5], measured_on=today)
        assert Signal.objects.count() == 2
    connection.set_schema_to_public()
    result = evaluate(since=today - dt.timedelta(days=1), until=today, wijken=wijken_for_evaluation())
    park, centrum_figures = _by_slug(result)["parkwijk"], _by_slug(result)["centrum"]
    assert (park.signals_opened, park.signals_closed) == (2, 1)
    assert (park.satisfaction_start_count, park.satisfaction_start) == (1, 3.0)
    assert (park.satisfaction_end_count, park.satisfaction_end) == (1, 4.4)
    assert (centrum_figures.signals_opened, centrum_figures.satisfaction_start_count) == (0, 0)
    assert (result.citywide.signals_opened, result.citywide.satisfaction_end) == (2, 4.4)
    with tenant_context(parkwijk):  # the same numbers as the care module's own selector
        survey = satisfaction_start_vs_end(since=today - dt.timedelta(days=1), until=today)
    assert (survey.start_count, survey.start_average, survey.end_count, survey.end_average) == (
        park.satisfaction_start_count,
        park.satisfaction_start,
        park.satisfaction_end_count,
        park.satisfaction_end,
    )


def test_dashboard_shows_charts_with_tables_and_logs_the_read(known, coordinator):
    response = client_for(None, coordinator).get("/console/cijfers/", {"since": "2026-03-01", "until": "31-03-2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<figure") == 6 and page.count("<figcaption>") == 6
    assert "Afspraken: via de website of via de sociaal makelaar" in page and "<table" in page
    assert "Heel Haarlem" in page
    entry = AuditEntry.objects.get()
    assert entry.action == AuditAction.READ_FIGURES and entry.via == "page"
    assert entry.wijken == sorted(["boerhaavewijk", "centrum", "parkwijk", "slachthuisbuurt"])
    assert "2026-03-01 t/m 2026-03-31" in entry.summary


def test_dashboard_without_a_period_shows_the_last_twelve_months(coordinator):
    response = client_for(None, coordinator).get("/console/cijfers/")
    assert response.status_code == 200 and "Download als CSV" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"since": "2026-04-01", "until": "2026-03-01"}, "De begindatum ligt na de einddatum."),
        ({"since": "", "until": "2026-03-01"}, "Vul een begindatum in"),
        ({"since": "gisteren", "until": "2026-03-01"}, "Vul een datum in als dag-maand-jaar"),
        ({"since": "1990-01-01", "until": "2026-03-01"}, "Kies een periode van hoogstens tien jaar."),
    ],
)
def test_bad_period_gets_a_dutch_error_and_no_figures(coordinator, query, message):
    response = client_for(None, coordinator).get("/console/cijfers/", query)
    page = response.content.decode()
    assert response.status_code == 400 and message in page and "<figure" not in page
    assert not AuditEntry.objects.exists()


def test_csv_has_a_row_per_wijk_and_the_city(known, coordinator):
    response = client_for(None, coordinator).get("/console/cijfers.csv", {"since": "2026-03-01", "until": "2026-03-31"})
    assert response["Content-Type"].startswith("text/csv")
    assert "wijkmarkt-cijfers-haarlem-2026-03-01-2026-03-31.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, *body = rows
    assert header[:3] == ["Wijk", "Afspraken via de website", "Afspraken via de sociaal makelaar"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert list(by_name) == ["Boerhaavewijk", "Centrum", "Parkwijk", "Slachthuisbuurt", "Heel Haarlem"]
    assert by_name["Parkwijk"]["Afspraken via de website"] == "3"
    assert by_name["Parkwijk"]["Uren geholpen"] == "3.5"
    assert by_name["Parkwijk"]["Mediaan uren tot eerste reactie"] == "4.0"
    assert by_name["Heel Haarlem"]["Afspraken gedaan"] == "3"
    assert by_name["Boerhaavewijk"]["Mediaan uren tot afspraak"] == ""
    assert AuditEntry.objects.get().action == AuditAction.EXPORT_FIGURES


def test_csv_of_one_wijk(known, coordinator):
    response = client_for(None, coordinator).get(
        "/console/cijfers.csv", {"since": "2026-03-01", "until": "2026-03-31", "wijk": "centrum"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Centrum", "Heel Haarlem"]
    assert rows[1][1] == "1" and AuditEntry.objects.get().wijken == ["centrum"]
