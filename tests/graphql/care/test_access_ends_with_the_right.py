"""Access ends when the right ends: every read checks the relationship as it is now, not who once sent or reported
something. A revoked proxy no longer reads (or hears the answer to) the request they sent for their mother; a
member erased from one wijk no longer lists their old requests and signals there, while the other wijk keeps
them."""

from django.core import mail
from django_tenants.utils import tenant_context

from tests.builders.clients import gid, ok
from tests.builders.makelaar import signal_by
from tests.builders.members import PASSWORD
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.tenants.care.actions import answer_help_request, send_help_request
from wijkmarkt.tenants.marketplace.models import Notification
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.actions.proxies import register_proxy, revoke_proxy
from wijkmarkt.tenants.membership.selectors import actor_for

NOTE = "De sleutel ligt bij de buren op nummer 6."
ANSWER = "Dinsdag om negen uur staan we voor de deur."
REQUESTS = "{ helpRequests { edges { node { id note answer member { firstName } } } } }"
ONE = "query($id: ID!) { helpRequest(id: $id) { note answer member { firstName } } }"


def _sent_by_daughter(parkwijk, care):
    """Ingrid (not a member of Parkwijk) is Anna's proxy and sends a request for her."""
    ingrid = create_account(email="ingrid.proxy@example.nl", first_name="Ingrid", password=PASSWORD)
    with tenant_context(parkwijk):
        proxy = register_proxy(
            actor=actor_for(care["anna"].user), principal=care["anna"], proxy_email=ingrid.email, relation="dochter"
        )
        sent = send_help_request(
            actor=actor_for(ingrid), member=care["anna"], provider=care["spaarne"], activities=["light"], note=NOTE
        )
    return ingrid, proxy, sent


def test_a_revoked_proxy_no_longer_reads_the_request_they_sent_nor_hears_the_answer(parkwijk, care):
    ingrid, proxy, sent = _sent_by_daughter(parkwijk, care)
    listed = ok("parkwijk", REQUESTS, user=ingrid)["helpRequests"]["edges"]
    assert [edge["node"]["note"] for edge in listed] == [NOTE]  # while she is Anna's proxy

    with tenant_context(parkwijk):
        revoke_proxy(actor=actor_for(care["anna"].user), proxy=proxy)
        answer_help_request(actor=actor_for(care["henk"].user), help_request=sent, accept=True, message=ANSWER)
    assert ok("parkwijk", REQUESTS, user=ingrid)["helpRequests"]["edges"] == []
    assert ok("parkwijk", ONE, {"id": gid("HelpRequest", sent.pk)}, user=ingrid)["helpRequest"] is None
    assert not [message for message in mail.outbox if ingrid.email in message.to]  # the answer is not mailed to her
    # Anna herself still reads it, answer included.
    anna = ok("parkwijk", ONE, {"id": gid("HelpRequest", sent.pk)}, user=care["anna"].user)["helpRequest"]
    assert (anna["note"], anna["answer"], anna["member"]["firstName"]) == (NOTE, ANSWER, "Anna")
    with tenant_context(parkwijk):
        assert Notification.objects.filter(member=care["anna"], text__contains="neemt uw verzoek").exists()


def test_a_member_erased_from_one_wijk_no_longer_lists_her_requests_and_signals_there(parkwijk, centrum, care):
    anna = care["anna"]
    with tenant_context(centrum):
        anna_in_centrum = join_wijk(wijk=centrum, user=anna.user, accepted_house_rules=True)
    with tenant_context(parkwijk):
        send_help_request(
            actor=actor_for(anna.user), member=anna, provider=care["spaarne"], activities=["light"], note=NOTE
        )
        signal_by(anna, about="Meneer van nummer 8", worry="Hij eet niet meer.")
    with tenant_context(centrum):
        signal_by(anna_in_centrum, about="De buurman in Centrum", worry="Zijn hond blaft.")
    signals = "{ mySignals { status } }"
    assert len(ok("parkwijk", REQUESTS, user=anna.user)["helpRequests"]["edges"]) == 1
    assert len(ok("parkwijk", signals, user=anna.user)["mySignals"]) == 1

    erased = ok("parkwijk", "mutation { eraseMe(confirm: true) { erased errors { code } } }", user=anna.user)
    assert erased["eraseMe"]["erased"] is True

    assert ok("parkwijk", REQUESTS, user=anna.user)["helpRequests"]["edges"] == []
    assert ok("parkwijk", signals, user=anna.user)["mySignals"] == []
    assert len(ok("centrum", signals, user=anna.user)["mySignals"]) == 1  # the other wijk is untouched
