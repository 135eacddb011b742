"""Acting for someone only with their say-so (issue 12, point 1): the makelaar acts for a member only while that
member's consent (ConsentTopic.ACT_FOR) is on record and not withdrawn; a proxy only for the member who named them
while the proxy is active. Tried through the actions and through the pages a makelaar uses: placing a request,
responding, giving points and confirming a ring part; the "voor wie" choices; the member's own log; another wijk's
consent never counting."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.makelaar import register_oma
from tests.builders.marketplace import listing_input
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.ledger.models import Transfer
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import publish_listing
from wijkmarkt.tenants.marketplace.actions.points import give_points
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, confirm_ring_part, propose_ring
from wijkmarkt.tenants.marketplace.models import Exchange, Listing, RingLink
from wijkmarkt.tenants.membership.access import NO_CONSENT, members_actor_may_act_for
from wijkmarkt.tenants.membership.actions.consent import record_consent, withdraw_consent
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy
from wijkmarkt.tenants.membership.models import ActingFor
from wijkmarkt.tenants.membership.selectors import actor_for

NO_CONSENT_TEXT = "Er is geen toestemming van deze bewoner genoteerd om namens hem of haar te handelen."


def text(response) -> str:
    return response.content.decode()


def for_whom(response) -> set[int]:
    """The member ids offered in the page's "voor wie" choice."""
    select = re.search(r'<select name="on_behalf_of".*?</select>', text(response), re.S)
    return {int(pk) for pk in re.findall(r'<option value="(\d+)"', select.group(0))} if select else set()


def ring_of_three(wijk, fatima, anna, bram, joost):
    """Joost helps Anna, Anna helps Bram, Bram helps Joost; proposed by the makelaar (a proposal is in nobody's
    name: each giver confirms their own part)."""
    asks = {
        m.pk: publish_listing(
            actor=actor_for(m.user), wijk=wijk, owner=m, data=listing_input(title=f"Vraag van {m.user.first_name}")
        )
        for m in (anna, bram, joost)
    }
    links = [
        LinkInput(request_id=asks[anna.pk].pk, giver_id=joost.pk),
        LinkInput(request_id=asks[bram.pk].pk, giver_id=anna.pk),
        LinkInput(request_id=asks[joost.pk].pk, giver_id=bram.pk),
    ]
    return propose_ring(actor=actor_for(fatima.user), links=links)


def points_for(wijk, member, helped):
    """`member` helped `helped` for two hours in an exchange both confirmed: 4 points to give away."""
    from tests.builders.ledger import done_exchange, points_on

    points_on(wijk.schema_name)
    wijk.refresh_from_db()
    done_exchange(wijk, helped, member, hours="2")
    return wijk


def refused_for_lack_of_consent(call) -> None:
    with pytest.raises(PermissionDenied) as caught:
        call()
    assert str(caught.value) == NO_CONSENT


@pytest.fixture
def wijk(in_parkwijk):
    return Wijk.objects.get(pk=in_parkwijk.pk)


def test_a_member_who_just_signed_up_is_not_acted_for_until_consent_is_recorded_and_again_not_after_withdrawal(
    wijk, people
):
    fatima, anna, bram, joost = people["fatima"], people["anna"], people["bram"], people["joost"]
    makelaar = actor_for(fatima.user)
    points_for(wijk, anna, bram)
    bram_asks = publish_listing(actor=actor_for(bram.user), wijk=wijk, owner=bram, data=listing_input(title="Tuin"))
    ring = ring_of_three(wijk, fatima, anna, bram, joost)
    before = (Listing.objects.count(), Exchange.objects.count(), Transfer.objects.count())

    def publish():
        return publish_listing(actor=makelaar, wijk=wijk, owner=anna, data=listing_input(title="Namens Anna"))

    def respond():
        return respond_to_listing(actor=makelaar, member=anna, listing=bram_asks, message="Anna helpt graag.")

    def give():
        return give_points(actor=makelaar, giver=anna, wijk=wijk, amount=1, key="gift-anna", email="bram@example.nl")

    def confirm():
        return confirm_ring_part(actor=makelaar, ring=ring, member=anna)

    for call in (publish, respond, give, confirm):
        refused_for_lack_of_consent(call)
    assert (Listing.objects.count(), Exchange.objects.count(), Transfer.objects.count()) == before
    assert not RingLink.objects.filter(ring=ring, confirmed_at__isnull=False).exists()
    assert not ActingFor.objects.filter(member=anna).exists()
    assert anna not in members_actor_may_act_for(makelaar)

    consent = record_consent(actor=makelaar, member=anna, topic="act_for", note="Aan de telefoon")
    assert anna in members_actor_may_act_for(makelaar)
    listing, exchange, transfer = publish(), respond(), give()
    confirm()
    assert listing.owner == anna and listing.placed_as == "makelaar"
    assert exchange.helper == anna and transfer.amount == Decimal(1) and transfer.via == "makelaar"
    assert RingLink.objects.get(ring=ring, giver=anna).confirmed_at is not None
    logged = list(ActingFor.objects.filter(member=anna, actor=fatima.user).values_list("what", flat=True))
    assert {"consent", "publish", "respond", "ring", "points"} <= set(logged)
    gift_logged = ActingFor.objects.get(member=anna, what="points")
    assert (gift_logged.object_type, gift_logged.object_id) == ("transfer", transfer.pk)
    give()  # the same gift resent with its key: booked once, logged once
    assert ActingFor.objects.filter(member=anna, what="points").count() == 1

    withdraw_consent(actor=actor_for(anna.user), consent=consent)
    assert anna not in members_actor_may_act_for(makelaar)
    refused_for_lack_of_consent(publish)
    joost_asks = publish_listing(actor=actor_for(joost.user), wijk=wijk, owner=joost, data=listing_input(title="Joost"))
    refused_for_lack_of_consent(
        lambda: respond_to_listing(actor=makelaar, member=anna, listing=joost_asks, message="Ja")
    )
    refused_for_lack_of_consent(give)


def test_registering_an_offline_resident_with_consent_to_act_for_them_records_it(in_parkwijk, people):
    makelaar = actor_for(people["fatima"].user)
    truus = register_oma(in_parkwijk, people["fatima"])
    kees = register_oma(in_parkwijk, people["fatima"], first_name="Kees", act_for_consent=False)
    assert set(members_actor_may_act_for(makelaar)) == {people["fatima"], truus}
    assert publish_listing(actor=makelaar, wijk=in_parkwijk, owner=truus, data=listing_input()).owner == truus
    refused_for_lack_of_consent(
        lambda: publish_listing(actor=makelaar, wijk=in_parkwijk, owner=kees, data=listing_input())
    )


def test_a_proxy_acts_only_while_the_proxy_is_active(in_parkwijk, people):
    anna = people["anna"]
    carla = create_account(email="carla@example.nl", first_name="Carla", password="Geheim-wachtwoord-1")
    proxy = register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=carla.email, relation="dochter")
    as_carla = actor_for(carla)
    assert list(members_actor_may_act_for(as_carla)) == [anna]
    placed = publish_listing(actor=as_carla, wijk=in_parkwijk, owner=anna, data=listing_input(title="Voor mama"))
    assert placed.placed_as == "proxy" and ActingFor.objects.filter(member=anna, actor=carla, what="publish").exists()
    with pytest.raises(PermissionDenied):  # Carla is nobody else's proxy
        publish_listing(actor=as_carla, wijk=in_parkwijk, owner=people["bram"], data=listing_input())

    revoke_proxy(actor=actor_for(anna.user), proxy=proxy)
    assert not members_actor_may_act_for(as_carla).exists()
    with pytest.raises(PermissionDenied):
        publish_listing(actor=as_carla, wijk=in_parkwijk, owner=anna, data=listing_input(title="Nog eens"))
    assert Listing.objects.filter(owner=anna).count() == 1


def test_consent_recorded_in_another_wijk_does_not_count_here(parkwijk, centrum):
    """Mien lives in both wijken; Centrum's makelaar has her consent, Parkwijk's makelaar has not."""
    mien = make_member(centrum, "Mien")
    with tenant_context(centrum):
        cees = make_member(centrum, "Cees", role=Role.MAKELAAR)
        record_consent(actor=actor_for(cees.user), member=mien, topic="act_for")
        assert publish_listing(actor=actor_for(cees.user), wijk=centrum, owner=mien, data=listing_input()).owner == mien
    with tenant_context(parkwijk):
        from wijkmarkt.tenants.membership.actions.joining import join_wijk

        mien_here = join_wijk(wijk=parkwijk, user=mien.user, accepted_house_rules=True)
        fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
        makelaar = actor_for(fatima.user)
        assert list(members_actor_may_act_for(makelaar)) == [fatima]
        refused_for_lack_of_consent(
            lambda: publish_listing(actor=makelaar, wijk=parkwijk, owner=mien_here, data=listing_input())
        )
        assert not Listing.objects.exists()
    assert mien_here.pk not in for_whom(client_for("parkwijk", fatima.user).get("/vraag-en-aanbod/nieuw/"))


def test_pages_list_only_consenting_members_and_say_why_when_refused(wijk, people):
    fatima, anna, bram, joost = people["fatima"], people["anna"], people["bram"], people["joost"]
    truus = register_oma(wijk, fatima)
    points_for(wijk, anna, bram)
    client = client_for("parkwijk", fatima.user)

    for url in ("/vraag-en-aanbod/nieuw/", "/punten/"):
        assert for_whom(client.get(url)) == {fatima.pk, truus.pk}, url

    # Naming Anna anyway: refused next to the choice, nothing written.
    response = client.post(
        "/vraag-en-aanbod/nieuw/",
        {
            "on_behalf_of": str(anna.pk),
            "kind": "request",
            "title": "Namens Anna",
            "description": "Wie helpt?",
            "category": listing_input().category_id,
            "when": "flexible",
            "visibility": "wijk",
        },
    )
    assert "Namens Anna" in text(response) and not Listing.objects.filter(title="Namens Anna").exists()
    response = client.post("/punten/geven/", {"on_behalf_of": str(anna.pk), "amount": "1", "email": "bram@example.nl"})
    assert response.status_code == 400 and not Transfer.objects.filter(kind="gift").exists()
    bram_asks = publish_listing(actor=actor_for(bram.user), wijk=wijk, owner=bram, data=listing_input(title="Tuin"))
    response = client.post(
        f"/vraag-en-aanbod/{bram_asks.pk}/reageren/", {"on_behalf_of": str(anna.pk), "message": "Anna helpt."}
    )
    assert not Exchange.objects.filter(listing=bram_asks).exists()

    # A ring part: the makelaar sees no button for Anna's step, and a confirmation sent anyway is refused in words.
    ring = ring_of_three(wijk, fatima, anna, bram, joost)
    anna_step = RingLink.objects.get(ring=ring, giver=anna)
    assert f"/stap/{anna_step.pk}/bevestigen/" not in text(client.get(f"/ruilen/{ring.pk}/"))
    response = client.post(f"/ruilen/{ring.pk}/stap/{anna_step.pk}/bevestigen/")
    assert response.status_code == 403 and NO_CONSENT_TEXT in text(response)
    assert RingLink.objects.get(pk=anna_step.pk).confirmed_at is None

    # The resident's page says so, and after consent the same steps work and land in Anna's own log.
    resident_page = text(client.get(f"/makelaar/bewoners/{anna.pk}/"))
    assert "U mag nu niet namens deze bewoner handelen" in resident_page
    assert "Een vraag plaatsen namens deze bewoner" not in resident_page
    client.post(f"/makelaar/bewoners/{anna.pk}/toestemming/", {"topic": "act_for", "note": "Aan de telefoon"})
    assert "U mag namens deze bewoner" in text(client.get(f"/makelaar/bewoners/{anna.pk}/"))
    assert f"/stap/{anna_step.pk}/bevestigen/" in text(client.get(f"/ruilen/{ring.pk}/"))
    assert client.post(f"/ruilen/{ring.pk}/stap/{anna_step.pk}/bevestigen/").status_code == 302
    assert (
        client.post(
            f"/vraag-en-aanbod/{bram_asks.pk}/reageren/", {"on_behalf_of": str(anna.pk), "message": "Anna helpt."}
        ).status_code
        == 302
    )
    assert (
        client.post(
            "/punten/geven/", {"on_behalf_of": str(anna.pk), "amount": "1", "email": "bram@example.nl"}
        ).status_code
        == 302
    )
    assert Transfer.objects.get(kind="gift").via == "makelaar"
    page = text(client_for("parkwijk", anna.user).get("/mijn-dossier/"))
    assert "Wat er namens u is gedaan" in page
    for what in ("schreef uw toestemming op", "reageerde op een vraag of aanbod", "deed mee aan een ruil"):
        assert what in page, what


def test_the_makelaar_changes_a_members_profile_only_with_their_consent(in_parkwijk, people):
    from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
    from wijkmarkt.tenants.marketplace.models import Profile

    anna, makelaar = people["anna"], actor_for(people["fatima"].user)
    refused_for_lack_of_consent(
        lambda: update_profile(actor=makelaar, member=anna, data=ProfileInput(about="Door de makelaar"))
    )
    assert not Profile.objects.filter(member=anna, about="Door de makelaar").exists()
    record_consent(actor=actor_for(anna.user), member=anna, topic="act_for")
    assert update_profile(actor=makelaar, member=anna, data=ProfileInput(about="Door de makelaar")).member == anna


def test_the_makelaar_names_or_removes_a_members_proxy_only_with_consent_and_never_herself(wijk, people):
    """Naming herself as a member's proxy would have let the makelaar act (and read) for them without consent."""
    fatima, anna = people["fatima"], people["anna"]
    makelaar = actor_for(fatima.user)
    daughter = create_account(email="dochter.anna@example.nl", first_name="Els", password="een-lang-wachtwoord")
    refused_for_lack_of_consent(
        lambda: register_proxy(actor=makelaar, principal=anna, proxy_email=fatima.user.email, relation="buurvrouw")
    )
    refused_for_lack_of_consent(
        lambda: register_proxy(actor=makelaar, principal=anna, proxy_email=daughter.email, relation="dochter")
    )
    assert not anna.proxies.exists()

    own = register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=daughter.email, relation="dochter")
    refused_for_lack_of_consent(lambda: revoke_proxy(actor=makelaar, proxy=own))

    record_consent(actor=makelaar, member=anna, topic="act_for", note="Aan de telefoon")
    with pytest.raises(ValidationError) as herself:
        register_proxy(actor=makelaar, principal=anna, proxy_email=fatima.user.email, relation="buurvrouw")
    assert herself.value.message_dict["proxy_email"] == [
        "Een gemachtigde noemt de bewoner zelf; dat kunt u niet zelf zijn."
    ]
    assert not anna.proxies.filter(user=fatima.user).exists()
    revoke_proxy(actor=makelaar, proxy=own)
    logged = ActingFor.objects.get(member=anna, what="proxy")
    assert (logged.actor, logged.object_id) == (fatima.user, own.pk)
