"""Print views: one listing, and "Deze week op de Wijkmarkt" as an A4 poster for the notice board."""

import datetime as dt
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import post
from wijkmarkt.tenants.marketplace.models import Listing


def page_of(response) -> str:
    return response.content.decode()


def test_a_listing_prints_with_what_a_neighbour_needs_and_no_menu(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"], title="Heg snoeien aan de Zomerkade")

    response = client_for("parkwijk", people["bram"].user).get(f"/vraag-en-aanbod/{listing.pk}/afdrukken/")

    page = page_of(response)
    assert response.status_code == 200
    assert "<h1>Heg snoeien aan de Zomerkade</h1>" in page
    assert f"parkwijk.localhost/vraag-en-aanbod/{listing.pk}/" in page
    assert "site-nav" not in page
    assert page.count("<h1") == 1


def test_the_poster_shows_this_weeks_requests_and_offers_only(in_parkwijk, people):
    post(in_parkwijk, people["anna"], title="Boodschappen deze week")
    post(in_parkwijk, people["bram"], kind="offer", title="Soep voor wie wil")
    old = post(in_parkwijk, people["cor"], title="Oude vraag")
    with tenant_context(in_parkwijk):
        Listing.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=20))

    page = page_of(client_for("parkwijk", people["anna"].user).get("/prikbord/"))

    assert "Deze week op de Wijkmarkt" in page
    assert page.index("Gevraagd") < page.index("Boodschappen deze week") < page.index("Aangeboden")
    assert page.index("Aangeboden") < page.index("Soep voor wie wil")
    assert "Oude vraag" not in page


def test_print_css_sets_a4_and_hides_the_site_around_the_sheet():
    css = Path(finders.find("themes/base/wijkmarkt.css")).read_text(encoding="utf-8")

    print_rules = css[css.index("@media print") :]
    assert "size: A4" in print_rules
    assert ".site-header" in print_rules and ".print-tools" in print_rules
