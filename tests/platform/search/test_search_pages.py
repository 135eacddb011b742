"""Zoeken in heel Haarlem, on the portal and on a wijk site: ranked, typo-tolerant, faceted, paginated, and a result
opens on its own wijk site for someone who is not a member there."""

import html

import pytest
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from wijkmarkt.platform.search.selectors import PAGE_SIZE, search
from wijkmarkt.platform.wijken.hosts import wijk_url
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.marketplace.models import Visibility


@pytest.fixture
def city(parkwijk, centrum, search_members, publish):
    """Citywide items in two wijken, and one that stays in its wijk."""
    return {
        "bikes": publish(centrum, search_members["bram"], "Ik repareer fietsen", "Band plakken en remmen stellen."),
        "walk": publish(parkwijk, search_members["anna"], "Samen wandelen in het park", "Elke ochtend een rondje."),
        "bike_ride": publish(parkwijk, search_members["anna"], "Fietstocht langs de Spaarne", "Op zondag."),
        "private": publish(
            centrum, search_members["bram"], "Mijn fiets lenen", "Alleen voor buren.", visibility=Visibility.WIJK
        ),
    }


def titles(page) -> list[str]:
    return [entry.title for entry in page.entries]


def test_dutch_stemming_finds_other_forms_of_a_word_and_never_a_wijk_only_item(city):
    page = search("repareren")

    assert titles(page) == ["Aanbod: Ik repareer fietsen"]
    assert page.total == 1 and not page.typo_fallback
    assert titles(search("wandeling")) == ["Aanbod: Samen wandelen in het park"]
    assert "Mijn fiets lenen" not in str(titles(search("fiets lenen")))


def test_a_typo_falls_back_to_titles_that_look_alike(city):
    page = search("wandelne")

    assert page.typo_fallback
    assert titles(page)[0] == "Aanbod: Samen wandelen in het park"


def test_facets_count_per_wijk_and_narrow_the_results(city, search_members, publish, parkwijk):
    publish(parkwijk, search_members["anna"], "Rondje fietsen met de buren")
    page = search("fietsen")
    assert {(f.label, f.count) for f in page.wijk_facets} == {("Centrum", 1), ("Parkwijk", 1)}

    narrowed = search("fietsen", wijk="parkwijk")
    assert titles(narrowed) == ["Aanbod: Rondje fietsen met de buren"]
    assert {(f.label, f.count, f.chosen) for f in narrowed.wijk_facets} == {
        ("Centrum", 1, False),
        ("Parkwijk", 1, True),
    }


def test_results_come_in_pages_of_twenty(parkwijk, search_members, publish):
    for n in range(PAGE_SIZE + 3):
        publish(parkwijk, search_members["anna"], f"Soep koken nummer {n}")

    first, last = search("soep"), search("soep", page=2)

    assert (first.total, first.pages, len(first.entries), len(last.entries)) == (23, 2, 20, 3)
    assert not set(titles(first)) & set(titles(last))


def test_an_ended_wijk_is_left_out(city, centrum):
    Wijk.objects.filter(pk=centrum.pk).update(status=WijkStatus.ENDED)

    assert "Aanbod: Ik repareer fietsen" not in titles(search("fietsen"))
    assert search("fietsen", wijk="centrum").total == 0


@pytest.mark.parametrize("slug", [None, "parkwijk"])
def test_a_resident_finds_a_centrum_item_from_the_portal_and_from_their_wijk(city, search_members, centrum, slug):
    response = client_for(slug, search_members["anna"].user).get("/zoeken-in-haarlem/", {"q": "fietsen repareren"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Ik repareer fietsen" in body and "in Centrum" in body
    assert f"{wijk_url(centrum)}vraag-en-aanbod/{city['bikes'].pk}/" in body
    assert "Mijn fiets lenen" not in body


def test_searching_needs_an_account(city):
    response = client_for(None).get("/zoeken-in-haarlem/", {"q": "fietsen"})

    assert response.status_code == 302
    assert response["Location"].startswith("/account/")


@pytest.mark.parametrize(
    "typed, error",
    [
        ("", "Vul dit veld in."),
        ("fiets" * 50, "Dit is te lang: maximaal 200 tekens, u typte er 250."),
        ("fiets\x1b<script>", "Hier staan onzichtbare of ongeldige tekens in."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_kept(city, search_members, typed, error):
    response = client_for(None, search_members["anna"].user).get("/zoeken-in-haarlem/", {"q": typed})

    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert error in body
    assert 'aria-invalid="true"' in body or "field-error" in body
    if typed:
        assert f'value="{typed[:20]}' in body


def test_hostile_words_are_just_words(city, search_members):
    response = client_for(None, search_members["anna"].user).get(
        "/zoeken-in-haarlem/", {"q": "'); DROP TABLE search_searchentry; -- <b>fiets</b>"}
    )

    assert response.status_code == 200
    assert "<b>fiets</b>" not in response.content.decode()
    assert search("fietsen").total == 1  # the table is still there


def test_a_non_member_reads_a_citywide_listing_on_its_wijk_site_but_nothing_else(city, search_members, centrum):
    anna_in_centrum = client_for("centrum", search_members["anna"].user)

    shown = anna_in_centrum.get(f"/vraag-en-aanbod/{city['bikes'].pk}/")
    private = anna_in_centrum.get(f"/vraag-en-aanbod/{city['private'].pk}/")
    browse = anna_in_centrum.get("/vraag-en-aanbod/")
    anonymous = client_for("centrum").get(f"/vraag-en-aanbod/{city['bikes'].pk}/")

    assert shown.status_code == 200
    assert "Ik repareer fietsen" in shown.content.decode() and "Wilt u reageren?" in shown.content.decode()
    assert private.status_code == 403  # the members-only page, as for any listing: nothing to probe
    assert browse.status_code == 403  # the wijk's own list stays for search_members
    assert anonymous.status_code == 403
    with tenant_context(centrum):
        assert "Bram" in shown.content.decode()  # first name only, as everywhere


def test_a_parkwijk_listing_id_on_centrums_site_is_not_parkwijks_listing(city, search_members):
    """The same number in another wijk is another listing (or none): ids never cross."""
    response = client_for("centrum", search_members["anna"].user).get(f"/vraag-en-aanbod/{city['walk'].pk}/")

    assert "Samen wandelen" not in response.content.decode()
