"""The "In de wijk" page without JavaScript: counters with their week, meeting places and the partners of this wijk
only, for anyone; the admin's pages to add and change places, with errors next to the field and what was typed
kept; a resident and another wijk's admin are refused; a page of one wijk never shows another wijk's places."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from wijkmarkt.tenants.places.models import Place


def text(response) -> str:
    return response.content.decode()


def test_anyone_sees_counters_meeting_places_and_partners_of_this_wijk(places, partners):
    response = client_for("centrum").get("/in-de-wijk/")
    page = text(response)
    assert response.status_code == 200
    assert page.count("<h1>") == 1
    assert "Loket Grote Markt" in page and "Grote Markt 2" in page and "Buurtkamer Vijfhoek" in page
    assert '<th scope="row">Dinsdag</th><td>09:00 \u2013 12:30</td>' in page
    assert '<th scope="row">Maandag</th><td>gesloten</td>' in page
    assert "Stichting Kontext (test)" in page and "De makelaar van de binnenstad." in page
    assert "Ruud Visser, sociaal makelaar" in page and "ruud@example.nl" in page
    assert "beheren" not in page  # no manage link for a visitor


def test_a_parkwijk_page_never_lists_centrum_places_or_partners(places, partners):
    page = text(client_for("parkwijk").get("/in-de-wijk/"))
    assert "Buurtkamer Parkwijk" in page and "Stichting DOCK (test)" in page and "Ilse Vermeer" in page
    assert "Loket Grote Markt" not in page and "Buurtkamer Vijfhoek" not in page
    assert "Stichting Kontext (test)" not in page and "Ymere (test)" not in page


def test_an_empty_wijk_says_so(wijken):
    page = text(client_for("slachthuisbuurt").get("/in-de-wijk/"))
    assert "Er staan nog geen loketten bij deze wijk." in page
    assert "Er staan nog geen organisaties bij deze wijk." in page


def test_the_admin_adds_a_counter_with_opening_hours(wijken, admins):
    client = client_for("centrum", admins["marleen"].user)
    assert "Ontmoetingsplekken en loketten beheren" in text(client.get("/in-de-wijk/"))
    form = text(client.get("/in-de-wijk/plekken/nieuw/?soort=loket"))
    assert 'value="counter" id="id_kind_1" checked' in form.replace('" checked', '" checked') or "checked" in form
    assert '<label for="id_hours_1">Maandag</label>' in form
    response = client.post(
        "/in-de-wijk/plekken/nieuw/",
        {
            "kind": "counter",
            "name": "Loket Haarlem",
            "address": "Grote Markt 2",
            "postcode": "2011 rd",
            "hours_1": "9:00-12:00, 13.00 - 17:00",
            "hours_5": "09:00 tot 12:00",
            "wheelchair_accessible": "on",
        },
    )
    assert response.status_code == 302 and response.url == "/in-de-wijk/plekken/"
    with tenant_context(wijken["centrum"]):
        loket = Place.objects.get(name="Loket Haarlem")
        assert loket.postcode == "2011 RD" and loket.wheelchair_accessible
        assert [str(h) for h in loket.hours.all()] == [
            "maandag 09:00-12:00",
            "maandag 13:00-17:00",
            "vrijdag 09:00-12:00",
        ]
    assert "Loket Haarlem is opgeslagen." in text(client.get(response.url))


def test_bad_input_shows_errors_next_to_the_fields_and_keeps_what_was_typed(wijken, admins):
    client = client_for("centrum", admins["marleen"].user)
    response = client.post(
        "/in-de-wijk/plekken/nieuw/",
        {
            "kind": "meeting_place",
            "name": "",
            "address": "<script>alert(1)</script>",
            "hours_2": "morgen vroeg",
            "hours_3": "17:00-09:00",
        },
    )
    page = text(response)
    assert response.status_code == 400
    assert 'id="id_name_error">Vul dit veld in.' in page
    assert 'id="id_hours_2_error">Schrijf openingstijden als 09:00-12:00' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page  # kept, escaped
    assert 'value="morgen vroeg"' in page
    with tenant_context(wijken["centrum"]):
        assert not Place.objects.exists()


def test_action_errors_land_next_to_their_day(wijken, admins):
    client = client_for("centrum", admins["marleen"].user)
    page = text(
        client.post(
            "/in-de-wijk/plekken/nieuw/",
            {"kind": "counter", "name": "Loket", "address": "Hier 1", "hours_3": "17:00-09:00"},
        )
    )
    assert 'id="id_hours_3_error">Op woensdag sluit het eerder dan het opengaat.' in page


def test_the_admin_changes_and_removes_a_place(places, wijken, admins):
    client = client_for("centrum", admins["marleen"].user)
    loket = places["loket"]
    form = text(client.get(f"/in-de-wijk/plekken/{loket.pk}/"))
    assert 'value="09:00-12:30"' in form and 'value="Grote Markt 2"' in form
    response = client.post(
        f"/in-de-wijk/plekken/{loket.pk}/",
        {"kind": "counter", "name": "Loket Grote Markt", "address": "Grote Markt 3", "hours_4": "10:00-11:00"},
    )
    assert response.status_code == 302
    response = client.post(f"/in-de-wijk/plekken/{places['buurtkamer'].pk}/verwijderen/")
    assert response.status_code == 302
    with tenant_context(wijken["centrum"]):
        assert list(Place.objects.values_list("address", flat=True)) == ["Grote Markt 3"]


def test_a_resident_cannot_manage_places(places, admins, wijken):
    client = client_for("centrum", admins["anna"].user)
    assert "beheren" not in text(client.get("/in-de-wijk/"))
    for response in (
        client.get("/in-de-wijk/plekken/"),
        client.post("/in-de-wijk/plekken/nieuw/", {"kind": "counter", "name": "Nep", "address": "Nep 1"}),
        client.post(f"/in-de-wijk/plekken/{places['loket'].pk}/verwijderen/"),
    ):
        assert response.status_code == 403 and "Dit mag u niet doen" in text(response)
    with tenant_context(wijken["centrum"]):
        assert Place.objects.count() == 2


def test_an_anonymous_visitor_cannot_manage_places(places):
    response = client_for("centrum").post(f"/in-de-wijk/plekken/{places['loket'].pk}/verwijderen/")
    assert response.status_code == 403


def test_a_parkwijk_admin_cannot_edit_centrum_places_by_page(places, admins, wijken):
    on_centrum = client_for("centrum", admins["piet"].user)
    response = on_centrum.post(
        f"/in-de-wijk/plekken/{places['loket'].pk}/", {"kind": "counter", "name": "Overgenomen", "address": "Elders 1"}
    )
    assert response.status_code == 403
    assert on_centrum.post(f"/in-de-wijk/plekken/{places['loket'].pk}/verwijderen/").status_code == 403
    # On his own domain, Centrum's ids name nothing of Parkwijk (or Parkwijk's own row, never Centrum's).
    on_parkwijk = client_for("parkwijk", admins["piet"].user)
    assert on_parkwijk.get(f"/in-de-wijk/plekken/{places['loket'].pk + 1000}/").status_code == 404
    with tenant_context(wijken["centrum"]):
        assert set(Place.objects.values_list("name", flat=True)) == {"Loket Grote Markt", "Buurtkamer Vijfhoek"}


def test_a_paused_wijk_shows_places_but_takes_no_changes(places, admins, wijken):
    centrum = wijken["centrum"]
    centrum.status = "paused"
    centrum.save(update_fields=["status"])
    client = client_for("centrum", admins["marleen"].user)
    assert "Loket Grote Markt" in text(client.get("/in-de-wijk/"))
    response = client.post(f"/in-de-wijk/plekken/{places['loket'].pk}/verwijderen/")
    assert response.status_code == 403 and "De Wijkmarkt is gepauzeerd" in text(response)
