"""Erasure: after a confirmation that says what happens, a resident (or their proxy, or the makelaar for an offline
resident) is erased from the wijk in one go. Neighbours see "Oud-lid", citywide search forgets the listings, and a
person in no other wijk can no longer log in. Without the confirmation, or for someone else, nothing changes."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.members import PASSWORD, make_member
from tests.builders.privacy import riets_wijk
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.search.models import SearchEntry
from wijkmarkt.tenants.chat.models import ChatMessage
from wijkmarkt.tenants.makelaar.models import Case, Signal
from wijkmarkt.tenants.marketplace.models import Listing, ListingStatus
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.models import PrivacyRequest

ERASE = "/mijn-gegevens/verwijderen/"


def _logs_in(slug: str, email: str) -> bool:
    response = client_for(slug).post("/account/inloggen/", {"username": email, "password": PASSWORD})
    return response.status_code == 302


def _riets_search_rows(wijk, riets):
    return SearchEntry.objects.filter(wijk=wijk, object_id=riets.offer.pk)


def test_the_confirmation_page_says_what_happens(riets):
    page = client_for("parkwijk", riets.riet.user).get(ERASE).content.decode()
    assert "Afspraken met buren blijven bestaan" in page
    assert "Oud-lid" in page
    assert "kan niet ongedaan worden gemaakt" in page
    assert 'type="checkbox" name="confirm"' in page


def test_without_confirmation_nothing_is_erased_and_the_error_is_next_to_the_box(riets, parkwijk):
    response = client_for("parkwijk", riets.riet.user).post(ERASE, {})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-message" id="id_confirm_error">Vink aan dat u begrijpt wat er gebeurt.' in page
    riets.riet.user.refresh_from_db()
    assert riets.riet.user.first_name == "Riet" and riets.riet.user.is_active
    with tenant_context(parkwijk):
        assert Listing.objects.get(pk=riets.offer.pk).status == ListingStatus.OPEN
        assert not PrivacyRequest.objects.exists()
    assert _riets_search_rows(parkwijk, riets).exists()


def test_after_erasure_neighbours_see_oud_lid_search_forgets_her_and_she_cannot_log_in(riets, parkwijk):
    client = client_for("parkwijk", riets.riet.user)
    response = client.post(ERASE, {"confirm": "on"})
    assert response.status_code == 200
    assert "De gegevens zijn uit deze wijk verwijderd" in response.content.decode()

    bram = client_for("parkwijk", riets.bram.user)
    exchange_page = bram.get(f"/afspraken/{riets.exchange.pk}/").content.decode()
    assert "Oud-lid" in exchange_page and "Riet" not in exchange_page
    listing_page = bram.get(f"/vraag-en-aanbod/{riets.offer.pk}/").content.decode()
    assert "Riet" not in listing_page and "appeltaart" not in listing_page
    assert not _riets_search_rows(parkwijk, riets).exists()

    assert not _logs_in("parkwijk", "riet.privacy@example.nl")
    assert client.get("/mijn-gegevens/").status_code in (302, 403)  # logged out, and no longer a member
    user = User.objects.get(pk=riets.riet.user_id)
    assert (user.first_name, user.last_name, user.is_active, user.has_usable_password()) == (
        "Oud-lid",
        "",
        False,
        False,
    )
    assert user.email.endswith("@verwijderd.wijkmarkt.invalid")
    with tenant_context(parkwijk):
        assert Listing.objects.get(pk=riets.offer.pk).status == ListingStatus.WITHDRAWN
        assert set(ChatMessage.objects.filter(author=riets.riet).values_list("body", flat=True)) == {"(verwijderd)"}
        assert Case.objects.get(member=riets.riet).question == "(verwijderd)"
        signal = Signal.objects.get(about_member=riets.riet)
        assert "Riet" not in signal.about + signal.worry
        logged = PrivacyRequest.objects.get(kind="erasure")
        assert (logged.asked_by_id, logged.asked_as, logged.subject_id) == (user.pk, "self", riets.riet.pk)


def test_a_member_of_another_wijk_keeps_her_account_and_only_leaves_this_wijk(riets, parkwijk, centrum):
    with tenant_context(centrum):
        join_wijk(wijk=centrum, user=riets.riet.user, accepted_house_rules=True)
    client_for("parkwijk", riets.riet.user).post(ERASE, {"confirm": "on"})
    user = User.objects.get(pk=riets.riet.user_id)
    assert (user.first_name, user.email, user.is_active) == ("Riet", "riet.privacy@example.nl", True)
    assert _logs_in("centrum", "riet.privacy@example.nl")
    with tenant_context(parkwijk):
        assert not Membership.objects.filter(user=user).exists()
        assert Membership.objects.get(pk=riets.riet.pk).user.first_name == "Oud-lid"
    with tenant_context(centrum):
        assert Membership.objects.filter(user=user).exists()
    bram_sees = client_for("parkwijk", riets.bram.user).get(f"/afspraken/{riets.exchange.pk}/").content.decode()
    assert "Oud-lid" in bram_sees and "Riet" not in bram_sees
    assert client_for("centrum", user).get("/mijn-gegevens/").status_code == 200


def test_a_resident_cannot_erase_a_neighbour_and_a_makelaar_only_an_offline_resident(riets, parkwijk):
    provider = make_member(parkwijk, "Henk", "henk.erase@example.nl", role=Role.PROVIDER)
    for user in (riets.bram.user, riets.makelaar.user, provider.user):
        response = client_for("parkwijk", user).post(f"{ERASE}?voor={riets.riet.pk}", {"confirm": "on"})
        assert response.status_code == 404
    riets.riet.user.refresh_from_db()
    assert riets.riet.user.first_name == "Riet"
    with tenant_context(parkwijk):
        assert not PrivacyRequest.objects.exists()


def test_the_makelaar_erases_an_offline_resident_and_reads_the_log_a_resident_cannot(riets, parkwijk):
    makelaar = client_for("parkwijk", riets.makelaar.user)
    assert makelaar.get(f"{ERASE}?voor={riets.truus.pk}").status_code == 200
    response = makelaar.post(f"{ERASE}?voor={riets.truus.pk}", {"confirm": "on"})
    assert response.status_code == 200
    # Erasure withdrew her consent: the makelaar no longer acts for her, so there is nothing left to ask for.
    assert makelaar.post(f"{ERASE}?voor={riets.truus.pk}", {"confirm": "on"}).status_code == 404
    with tenant_context(parkwijk):
        assert PrivacyRequest.objects.filter(kind="erasure").count() == 1
    log = makelaar.get("/mijn-gegevens/logboek/").content.decode()
    assert "Verwijderen uit de wijk" in log and "Mustafa (door de sociaal makelaar)" in log
    assert client_for("parkwijk", riets.bram.user).get("/mijn-gegevens/logboek/").status_code == 403


def test_a_makelaar_of_parkwijk_cannot_erase_in_centrum(riets, centrum):
    in_centrum = riets_wijk(centrum, email="riet.centrum2@example.nl")
    response = client_for("centrum", riets.makelaar.user).post(f"{ERASE}?voor={in_centrum.truus.pk}", {"confirm": "on"})
    assert response.status_code in (403, 404)
    with tenant_context(centrum):
        assert not PrivacyRequest.objects.exists()
        assert Membership.objects.get(pk=in_centrum.truus.pk).user.first_name == "Truus"
