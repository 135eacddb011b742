"""Mijn gegevens: a resident reads and downloads everything their wijk holds about them, a proxy or (for an offline
resident) the makelaar does so for them, logged; nobody else gets in, and another wijk's data never comes along."""

import json

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, post
from tests.builders.members import make_member
from tests.builders.privacy import WORRY, riets_wijk
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.privacy.models import AccessLogEntry, PrivacyRequest, Sensitive


def _download(client, voor=""):
    response = client.get("/mijn-gegevens/download/" + (f"?voor={voor}" if voor else ""))
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def _part(data, key):
    return next(part for part in data["onderdelen"] if part["onderdeel"] == key)


def test_resident_downloads_everything_about_them_and_the_download_is_logged(riets, parkwijk):
    data = _download(client_for("parkwijk", riets.riet.user))
    assert data["account"]["email"] == "riet.privacy@example.nl"
    assert data["wijk"] == parkwijk.name
    assert [row["title"] for row in _part(data, "marketplace.Listing.owner")["rijen"]] == [riets.offer.title]
    bodies = [row["body"] for row in _part(data, "chat.ChatMessage.author")["rijen"]]
    assert bodies == ["Ik plak hem morgen, groet van Riet."]  # only what she wrote, not Bram's answer
    assert _part(data, "marketplace.Exchange.helper")["rijen"][0]["receiver"] == "Bram"
    assert _part(data, "makelaar.Case.member")["rijen"][0]["question"] == "Riet zoekt iemand voor de boodschappen."
    with tenant_context(parkwijk):
        logged = PrivacyRequest.objects.get()
        assert (logged.kind, logged.asked_as, logged.subject_id) == ("export", "self", riets.riet.pk)
        assert logged.summary["marketplace.Listing.owner"] == 1
        assert not AccessLogEntry.objects.filter(what=Sensitive.EXPORT).exists()  # her own read is no access


def test_a_signal_about_the_resident_shows_that_it_exists_and_its_state_never_who_reported_it(riets):
    data = _download(client_for("parkwijk", riets.riet.user))
    signal = _part(data, "makelaar.Signal.about_member")
    assert len(signal["rijen"]) == 1
    assert signal["rijen"][0]["status"] == "Ontvangen"
    assert not {"reporter", "reporter_role", "worry", "about"} & set(signal["rijen"][0])
    assert "de wet beschermt wie zich zorgen maakt" in signal["toelichting"]
    assert WORRY not in json.dumps(data, ensure_ascii=False)
    reasons = {item["relatie"]: item["waarom"] for item in data["niet_opgenomen"]}
    assert "beschermt wie meldde" in reasons["marketplace.Report.member"]


def test_the_page_lists_the_same_in_plain_dutch(riets):
    response = client_for("parkwijk", riets.riet.user).get("/mijn-gegevens/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Mijn gegevens</h1>" in page
    assert "Rietjes appeltaart voor de buren" in page
    assert "Zorgen die iemand over u meldde" in page
    assert WORRY not in page
    assert 'href="/mijn-gegevens/download/"' in page


def test_profile_page_links_to_mijn_gegevens(riets):
    page = client_for("parkwijk", riets.riet.user).get("/profiel/").content.decode()
    assert 'href="/mijn-gegevens/"' in page


def test_makelaar_downloads_for_an_offline_resident_as_a_logged_read(riets, parkwijk):
    data = _download(client_for("parkwijk", riets.makelaar.user), voor=riets.truus.pk)
    assert data["account"]["first_name"] == "Truus"
    with tenant_context(parkwijk):
        assert PrivacyRequest.objects.get().asked_as == "makelaar"
        read = AccessLogEntry.objects.get(what=Sensitive.EXPORT)
        assert (read.reader_id, read.subject_id) == (riets.makelaar.user_id, riets.truus.pk)


def test_a_proxy_downloads_for_their_relative(riets, parkwijk):
    daughter = make_member(parkwijk, "Ingrid", "ingrid.privacy@example.nl")
    with tenant_context(parkwijk):
        register_proxy(
            actor=actor_of(riets.riet), principal=riets.riet, proxy_email=daughter.user.email, relation="dochter"
        )
    data = _download(client_for("parkwijk", daughter.user), voor=riets.riet.pk)
    assert data["account"]["first_name"] == "Riet"
    with tenant_context(parkwijk):
        assert PrivacyRequest.objects.get().asked_as == "proxy"
        assert AccessLogEntry.objects.filter(what=Sensitive.EXPORT, reader=daughter.user).exists()


def test_nobody_else_downloads_a_residents_data(riets, parkwijk):
    provider = make_member(parkwijk, "Henk", "henk.privacy@example.nl", role=Role.PROVIDER)
    for user, voor in [
        (riets.bram.user, riets.riet.pk),  # a neighbour
        (riets.makelaar.user, riets.riet.pk),  # the makelaar, for a resident who is online
        (provider.user, riets.riet.pk),
        (riets.riet.user, "abc"),
        (riets.riet.user, "9" * 40),  # past any id column
        (riets.riet.user, "<script>alert(1)</script>"),
        (riets.riet.user, "1%00"),
        (riets.riet.user, 999999),
    ]:
        for path in ("/mijn-gegevens/", "/mijn-gegevens/download/", "/mijn-gegevens/verwijderen/"):
            response = client_for("parkwijk", user).get(f"{path}?voor={voor}")
            assert response.status_code == 404, (user, voor, path)
            assert "niet gevonden, of u mag niet namens hem of haar handelen" in response.content.decode()
    with tenant_context(parkwijk):
        assert not PrivacyRequest.objects.exists()
        assert not AccessLogEntry.objects.exists()


def test_a_makelaar_of_parkwijk_cannot_reach_a_centrum_member(riets, centrum):
    in_centrum = riets_wijk(centrum, email="riet.centrum@example.nl")
    client = client_for("centrum", riets.makelaar.user)
    response = client.get(f"/mijn-gegevens/download/?voor={in_centrum.truus.pk}")
    assert response.status_code in (403, 404)
    with tenant_context(centrum):
        assert not PrivacyRequest.objects.exists()


def test_a_person_in_two_wijken_exports_each_wijk_on_its_own(parkwijk, centrum):
    riet = make_member(parkwijk, "Riet", "riet.twee@example.nl")
    with tenant_context(centrum):
        in_centrum = join_wijk(wijk=centrum, user=riet.user, accepted_house_rules=True)
        post(centrum, in_centrum, title="Alleen in Centrum: strijken")
    with tenant_context(parkwijk):
        post(parkwijk, riet, title="Alleen in Parkwijk: gras maaien")
    parkwijk_data = json.dumps(_download(client_for("parkwijk", riet.user)), ensure_ascii=False)
    centrum_data = json.dumps(_download(client_for("centrum", riet.user)), ensure_ascii=False)
    assert "gras maaien" in parkwijk_data and "strijken" not in parkwijk_data
    assert "strijken" in centrum_data and "gras maaien" not in centrum_data
