"""Household-help pages without JavaScript: the directory search with explained results and kept filters, sending a
request from a provider's page, following it, the provider answering, bad input shown next to the field with what
was typed kept, and a Centrum member who never reaches a Parkwijk provider or request."""

from django_tenants.utils import tenant_context

from tests.builders.care import add_provider
from tests.builders.clients import client_for
from tests.builders.members import make_member
from wijkmarkt.tenants.care.actions import send_help_request
from wijkmarkt.tenants.care.models import HelpRequest, Provider
from wijkmarkt.tenants.membership.selectors import actor_for


def text(response) -> str:
    return response.content.decode()


def test_directory_search_explains_results_and_keeps_the_filters(providers, people, streets):
    client = client_for("parkwijk", people["anna"].user)
    response = client.get(
        "/hulp-in-huis/", {"days": "tue", "parts": "morning", "funding": "natura", "near_street": streets["zomer"].pk}
    )
    page = text(response)
    assert response.status_code == 200
    assert "Thuiszorg Spaarne" in page and "Alfahulp Mieke" not in page and "Sanne (student)" not in page
    assert "Werkt dinsdagochtend, 600 m van u, gecontracteerd door de gemeente" in page
    assert 'value="tue" checked' in page.replace('" id="id_days_1" checked', '" checked')  # filter kept
    assert '<option value="natura" selected>' in page


def test_directory_is_paginated(in_parkwijk, people):
    for number in range(25):
        add_provider(in_parkwijk, name=f"Hulp {number:02d}")
    client = client_for("parkwijk", people["anna"].user)
    first, second = text(client.get("/hulp-in-huis/")), text(client.get("/hulp-in-huis/", {"pagina": 2}))
    assert "25 aanbieders gevonden" in first and "Hulp 00" in first and "Hulp 24" not in first
    assert "Hulp 24" in second and "Pagina 2 van 2" in second


def test_bad_search_input_is_shown_in_dutch_not_a_crash(providers, people):
    client = client_for("parkwijk", people["anna"].user)
    response = client.get("/hulp-in-huis/", {"days": "someday", "within_m": "veel"})
    assert response.status_code == 200
    assert "0 aanbieders gevonden" in text(response)
    assert "Selecteer een geldige keuze" in text(response) and "Voer een getal in." in text(response)


def test_resident_sends_a_request_and_follows_it(providers, people):
    spaarne = providers["spaarne"]
    client = client_for("parkwijk", people["anna"].user)
    assert "Verzoek versturen" in text(client.get(f"/hulp-in-huis/aanbieder/{spaarne.pk}/"))

    response = client.post(
        f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/",
        {"activities": ["light", "shopping"], "times": ["tue_morning"], "note": "Graag!"},
    )
    sent = HelpRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/hulp-in-huis/verzoeken/{sent.pk}/"
    page = text(client.get(response.url))
    assert "Verstuurd" in page and "dagelijkse boodschappen, licht huishoudelijk werk" in page
    assert "dinsdagochtend" in page and "Verzoek intrekken" in page
    assert "Thuiszorg Spaarne" in text(client.get("/hulp-in-huis/verzoeken/"))

    client.post(f"/hulp-in-huis/verzoeken/{sent.pk}/intrekken/")
    sent.refresh_from_db()
    assert sent.status == "withdrawn"


def test_bad_request_shows_dutch_errors_next_to_fields_and_keeps_what_was_typed(providers, people):
    spaarne = providers["spaarne"]
    client = client_for("parkwijk", people["anna"].user)
    response = client.post(
        f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/", {"activities": [], "note": "<b>Bel</b> \x07 eerst"}
    )
    page = text(response)
    assert response.status_code == 400
    assert "Kies minstens één." in page
    assert "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw." in page
    assert "&lt;b&gt;Bel&lt;/b&gt;" in page and "<b>Bel</b>" not in page
    assert not HelpRequest.objects.exists()

    huge = client.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/", {"activities": ["light"], "note": "a" * 5000})
    assert "Dit is te lang: maximaal 2000 tekens, u typte er 5000." in text(huge) and "a" * 5000 in text(huge)
    other = client.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/", {"activities": ["linen"]})
    assert "Thuiszorg Spaarne doet dit niet: verzorging van kleding en linnengoed." in text(other)
    assert not HelpRequest.objects.exists()


def test_provider_sees_and_answers_requests_sent_to_them(providers, people):
    anna, henk = people["anna"], people["henk"]
    sent = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    other = send_help_request(actor=actor_for(anna.user), member=anna, provider=providers["alfa"], activities=["linen"])
    client = client_for("parkwijk", henk.user)
    listing = text(client.get("/hulp-in-huis/verzoeken/"))
    assert f"/hulp-in-huis/verzoeken/{sent.pk}/" in listing and f"/hulp-in-huis/verzoeken/{other.pk}/" not in listing
    assert client.get(f"/hulp-in-huis/verzoeken/{other.pk}/").status_code == 404

    too_long = client.post(
        f"/hulp-in-huis/verzoeken/{sent.pk}/beantwoorden/", {"besluit": "aannemen", "message": "x" * 1001}
    )
    assert too_long.status_code == 400 and "maximaal 1000 tekens" in text(too_long)
    response = client.post(
        f"/hulp-in-huis/verzoeken/{sent.pk}/beantwoorden/", {"besluit": "aannemen", "message": "Ik kom dinsdag."}
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert (sent.status, sent.answer) == ("accepted", "Ik kom dinsdag.")
    assert "Ik kom dinsdag." in text(client_for("parkwijk", anna.user).get(f"/hulp-in-huis/verzoeken/{sent.pk}/"))


def test_neighbour_cannot_see_or_answer_anothers_request(providers, people):
    anna = people["anna"]
    sent = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    bram = client_for("parkwijk", people["bram"].user)
    assert bram.get(f"/hulp-in-huis/verzoeken/{sent.pk}/").status_code == 404
    assert bram.post(f"/hulp-in-huis/verzoeken/{sent.pk}/beantwoorden/", {"besluit": "aannemen"}).status_code == 404
    assert bram.post(f"/hulp-in-huis/verzoeken/{sent.pk}/intrekken/").status_code == 404
    sent.refresh_from_db()
    assert sent.status == "sent"


def test_menu_links_to_household_help(providers, people):
    assert 'href="/hulp-in-huis/"' in text(client_for("parkwijk", people["anna"].user).get("/hulp-in-huis/"))


def test_centrum_member_never_reaches_a_parkwijk_provider_or_request(in_parkwijk, providers, people, centrum):
    anna = people["anna"]
    spaarne = providers["spaarne"]
    sent = send_help_request(actor=actor_for(anna.user), member=anna, provider=spaarne, activities=["light"])
    carla = make_member(centrum, "Carla")
    with tenant_context(centrum):
        assert not Provider.objects.exists()
    here, there = client_for("centrum", carla.user), client_for("parkwijk", carla.user)
    for url in (f"/hulp-in-huis/aanbieder/{spaarne.pk}/", f"/hulp-in-huis/verzoeken/{sent.pk}/"):
        assert here.get(url).status_code == 404, url
        assert there.get(url).status_code == 403, url  # not a member of Parkwijk
    assert here.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/", {"activities": ["light"]}).status_code == 404
    assert there.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/vragen/", {"activities": ["light"]}).status_code == 403
    search = text(here.get("/hulp-in-huis/", {"activity": "light"}))
    assert "Thuiszorg Spaarne" not in search and "0 aanbieders gevonden" in search
    with tenant_context(in_parkwijk):  # the pages left the connection on Centrum
        assert HelpRequest.objects.count() == 1


def test_an_answer_without_a_decision_is_refused_and_changes_nothing(providers, people):
    anna = people["anna"]
    sent = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    client = client_for("parkwijk", people["henk"].user)
    response = client.post(f"/hulp-in-huis/verzoeken/{sent.pk}/beantwoorden/", {"message": "Misschien"})
    assert response.status_code == 400 and "Kies Aannemen of Afwijzen." in text(response)
    assert "Misschien" in text(response)
    sent.refresh_from_db()
    assert sent.status == "sent"


def test_a_wijk_without_household_help_has_no_pages_and_no_menu_link(providers, people, parkwijk):
    from wijkmarkt.platform.wijken.models import Module, Wijk

    Wijk.objects.filter(pk=parkwijk.pk).update(modules=[Module.MARKETPLACE, Module.CHAT])
    client = client_for("parkwijk", people["anna"].user)
    assert client.get("/hulp-in-huis/").status_code == 404
    assert 'href="/hulp-in-huis/"' not in text(client.get("/vraag-en-aanbod/"))
