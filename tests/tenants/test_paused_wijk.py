"""Issue 12, point 6: a paused wijk refuses every write, whatever the entry point, because the rule is in the
permission table (permissions.require_writes_open) that the actions ask. Pages, actions called as a command would
call them, and the scheduler are here; GraphQL in tests/graphql/test_paused_mutations.py, the socket in
tests/realtime/test_paused_socket.py. Reading goes on, a resident's AVG rights go on, and another wijk is untouched."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, listing_input, post
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.chat.actions import start_direct_conversation
from wijkmarkt.tenants.chat.models import ChatMessage, Participant
from wijkmarkt.tenants.makelaar.actions.signals import report_signal
from wijkmarkt.tenants.marketplace.actions.exchanges import confirm_done, respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import publish_listing
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.models import Exchange, ExchangeStatus, Listing, ListingStatus
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy
from wijkmarkt.tenants.membership.models import Proxy
from wijkmarkt.tenants.privacy.actions import export_member_data
from wijkmarkt.tenants.privacy.models import Channel, PrivacyRequest

PAUSED_PAGE = "De Wijkmarkt is gepauzeerd"


def pause(slug: str) -> Wijk:
    """Pause a wijk as the console does (a saved status), and forget the cached host lookup, as provisioning does."""
    wijk = Wijk.objects.get(schema_name=slug)
    wijk.status = WijkStatus.PAUSED
    wijk.save(update_fields=["status"])
    cache.clear()
    return wijk


@pytest.fixture
def neighbours(parkwijk, centrum):
    """Two neighbours with a conversation in Parkwijk, and two in Centrum (which stays open)."""
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    carla, dirk = make_member(centrum, "Carla"), make_member(centrum, "Dirk")
    with tenant_context(parkwijk):
        here = start_direct_conversation(member=anna, other=bram)
        ChatMessage.objects.create(conversation=here, author=bram, client_id="voor-de-pauze", body="Tot morgen!")
    with tenant_context(centrum):
        there = start_direct_conversation(member=carla, other=dirk)
    return {"anna": anna, "bram": bram, "carla": carla, "here": here, "there": there}


def messages_in(wijk) -> list[str]:
    with tenant_context(wijk):
        return list(ChatMessage.objects.order_by("id").values_list("body", flat=True))


def test_a_chat_message_from_the_page_is_refused_and_the_conversation_can_still_be_read(parkwijk, neighbours):
    pause("parkwijk")
    anna = client_for("parkwijk", neighbours["anna"].user)
    url = f"/berichten/{neighbours['here'].pk}/"

    sent = anna.post(url, {"client_id": "na-de-pauze", "body": "Nog iemand wakker?"})
    read = anna.get(url)

    assert sent.status_code == 403 and PAUSED_PAGE in sent.content.decode()
    assert messages_in(parkwijk) == ["Tot morgen!"]
    assert read.status_code == 200 and "Tot morgen!" in read.content.decode()


def test_another_wijk_that_is_open_takes_messages_as_before(parkwijk, centrum, neighbours):
    pause("parkwijk")

    sent = client_for("centrum", neighbours["carla"].user).post(
        f"/berichten/{neighbours['there'].pk}/", {"client_id": "centrum-1", "body": "Hier gaat alles door."}
    )

    assert sent.status_code == 302
    assert messages_in(centrum) == ["Hier gaat alles door."]


def test_starting_a_conversation_from_the_page_is_refused(parkwijk, neighbours):
    cor = make_member(parkwijk, "Cor")
    pause("parkwijk")

    response = client_for("parkwijk", cor.user).post(f"/berichten/nieuw/{neighbours['anna'].pk}/")

    assert response.status_code == 403 and PAUSED_PAGE in response.content.decode()
    with tenant_context(parkwijk):
        assert not Participant.objects.filter(member=cor).exists()


def test_a_profile_change_from_the_page_is_refused(parkwijk, neighbours):
    pause("parkwijk")

    response = client_for("parkwijk", neighbours["anna"].user).post(
        "/profiel/", {"offers": "Koken", "contact_way": "site"}
    )

    assert response.status_code == 403 and PAUSED_PAGE in response.content.decode()


def test_actions_refuse_an_actor_built_for_a_paused_wijk_as_commands_and_demo_data_build_it(parkwijk, neighbours):
    """No request, no view: an actor built by actor_for inside the paused wijk's schema, as a management command,
    demo data or the socket builds one."""
    pause("parkwijk")
    anna, bram = neighbours["anna"], neighbours["bram"]
    with tenant_context(Wijk.objects.get(schema_name="parkwijk")):
        refusals = []
        for write in (
            lambda: publish_listing(actor=actor_of(anna), wijk=parkwijk, owner=anna, data=listing_input()),
            lambda: report_signal(actor=actor_of(anna), about="De buurman", worry="Ik zie hem niet meer"),
            lambda: update_profile(actor=actor_of(anna), member=anna, data=ProfileInput(about="Nieuw")),
            lambda: register_proxy(
                actor=actor_of(anna), principal=anna, proxy_email=bram.user.email, relation="buurman"
            ),
        ):
            with pytest.raises(PermissionDenied) as refused:
                write()
            refusals.append(str(refused.value))
        assert refusals == ["paused"] * 4
        assert not Listing.objects.exists() and not Proxy.objects.exists()


def test_a_resident_keeps_their_avg_rights_in_a_paused_wijk(parkwijk, neighbours):
    """Export and erasure are rights under the AVG (GDPR articles 15, 17 and 20): a pause does not suspend them, and
    neither does taking back a proxy's authority."""
    anna, bram = neighbours["anna"], neighbours["bram"]
    with tenant_context(parkwijk):
        proxy = register_proxy(actor=actor_of(anna), principal=anna, proxy_email=bram.user.email, relation="buurman")
    pause("parkwijk")
    client = client_for("parkwijk", anna.user)

    with tenant_context(Wijk.objects.get(schema_name="parkwijk")):
        export = export_member_data(actor_of(anna), member=anna, via=Channel.PAGE)
        revoke_proxy(actor=actor_of(anna), proxy=proxy)
        assert Proxy.objects.get(pk=proxy.pk).revoked_at is not None
    erased = client.post(
        "/graphql",
        {"query": "mutation { eraseMe(confirm: true) { erased errors { code } } }"},
        content_type="application/json",
    ).json()

    assert export.counts()
    assert erased == {"data": {"eraseMe": {"erased": True, "errors": []}}}
    with tenant_context(parkwijk):
        assert set(PrivacyRequest.objects.values_list("kind", flat=True)) == {"export", "erasure"}


def test_the_scheduler_changes_nothing_in_a_paused_wijk_and_goes_on_in_an_open_one(parkwijk, centrum):
    """Residents of a paused wijk cannot renew a listing or object to "done", so nothing expires or completes for
    lack of an answer they could not give; Centrum, open, is housekept as always."""
    anna, bram = make_member(parkwijk, "Anna"), make_member(parkwijk, "Bram")
    carla = make_member(centrum, "Carla")
    long_ago = timezone.now() - dt.timedelta(days=120)
    with tenant_context(parkwijk):
        listing = post(parkwijk, anna)
        exchange = respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Ik kom")
        Exchange.objects.filter(pk=exchange.pk).update(status=ExchangeStatus.AGREED)
        confirm_done(actor=actor_of(bram), exchange=Exchange.objects.get(pk=exchange.pk))
        Exchange.objects.filter(pk=exchange.pk).update(helper_done_at=long_ago)
        Listing.objects.filter(pk=listing.pk).update(expires_at=long_ago)
    with tenant_context(centrum):
        theirs = post(centrum, carla)
        Listing.objects.filter(pk=theirs.pk).update(expires_at=long_ago)
    pause("parkwijk")

    call_command("marketplace_tasks", stdout=open("/dev/null", "w"))  # noqa: SIM115

    with tenant_context(parkwijk):
        assert Listing.objects.get(pk=listing.pk).status != ListingStatus.EXPIRED
        assert Exchange.objects.get(pk=exchange.pk).status == ExchangeStatus.AGREED
    with tenant_context(centrum):
        assert Listing.objects.get(pk=theirs.pk).status == ListingStatus.EXPIRED


def test_a_makelaar_still_reads_everything_in_a_paused_wijk(parkwijk):
    """The pause is not a sanction: permissions that decide what someone may read (the makelaar's signals and
    cases) stay; only writes stop."""
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    anna = make_member(parkwijk, "Anna")
    with tenant_context(parkwijk):
        report_signal(actor=actor_of(anna), about="Meneer Jansen", worry="Zijn post stapelt zich op")
    pause("parkwijk")

    body = (
        client_for("parkwijk", fatima.user)
        .post("/graphql", {"query": "{ signals { edges { node { about } } } }"}, content_type="application/json")
        .json()
    )

    assert body == {"data": {"signals": {"edges": [{"node": {"about": "Meneer Jansen"}}]}}}
