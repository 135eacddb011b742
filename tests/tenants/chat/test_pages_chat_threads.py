"""On the pages: an exchange's thread is a conversation in Berichten (titled by the listing, linked both ways), a
ring has a group conversation, and a chat message can be reported to the moderation queue, by its own participants
only and never across wijken."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, an_exchange
from tests.builders.members import make_member
from wijkmarkt.tenants.chat.models import Conversation
from wijkmarkt.tenants.marketplace.models import Report


def text(response) -> str:
    return response.content.decode()


def test_an_exchange_thread_is_a_conversation_in_berichten_linked_both_ways(parkwijk):
    anna, _bram, exchange, conversation, _message = an_exchange(parkwijk)
    client = client_for("parkwijk", anna.user)

    listed = text(client.get("/berichten/"))
    chat_page = text(client.get(f"/berichten/{conversation.pk}/"))
    exchange_page = text(client.get(f"/afspraken/{exchange.pk}/"))

    assert "Afspraak: Hulp bij de computer" in listed and "1 nieuw bericht" in listed
    assert "Ik kan helpen." in chat_page and f'href="/afspraken/{exchange.pk}/"' in chat_page
    assert f'href="/berichten/{conversation.pk}/"' in exchange_page


def test_a_message_sent_in_the_chat_shows_on_the_exchange_page(parkwijk):
    anna, _bram, exchange, conversation, _message = an_exchange(parkwijk)
    client = client_for("parkwijk", anna.user)
    form = text(client.get(f"/berichten/{conversation.pk}/"))
    client_id = form.split('name="client_id" value="')[1].split('"')[0]

    client.post(f"/berichten/{conversation.pk}/", {"client_id": client_id, "body": "Dinsdag is goed."})

    assert "Dinsdag is goed." in text(client.get(f"/afspraken/{exchange.pk}/"))


def test_a_participant_reports_a_chat_message_to_the_moderation_queue(parkwijk):
    anna, _bram, _exchange, conversation, message = an_exchange(parkwijk)
    client = client_for("parkwijk", anna.user)
    page = text(client.get(f"/berichten/{conversation.pk}/"))
    address = f"/berichten/{conversation.pk}/{message.pk}/melden/"

    empty = client.post(address, {"reason": ""})
    sent = client.post(address, {"reason": "Dit vind ik niet prettig"})

    assert f'href="{address}"' in page
    assert empty.status_code == 200 and "Ik kan helpen." in text(empty)
    assert sent.status_code == 302 and sent.url == f"/berichten/{conversation.pk}/"
    with tenant_context(parkwijk):
        filed = Report.objects.get()
    assert (filed.target, filed.message_id, filed.reporter_id) == ("message", message.pk, anna.pk)


def test_only_participants_report_and_nobody_reports_their_own_message_or_across_wijken(parkwijk, centrum):
    _anna, bram, _exchange, conversation, message = an_exchange(parkwijk)
    cor = make_member(parkwijk, "Cor")
    zoe = make_member(centrum, "Zoe", email="zoe-threads@example.nl")
    address = f"/berichten/{conversation.pk}/{message.pk}/melden/"

    outsider = client_for("parkwijk", cor.user).post(address, {"reason": "Nee"})
    own = client_for("parkwijk", bram.user).post(address, {"reason": "Nee"})
    other_wijk = client_for("centrum", zoe.user).post(address, {"reason": "Nee"})

    assert (outsider.status_code, own.status_code, other_wijk.status_code) == (404, 404, 404)
    with tenant_context(parkwijk):
        assert not Report.objects.exists()


def test_the_people_in_a_ring_find_its_group_conversation_from_the_ring_page(parkwijk):
    from tests.builders.rings import three_way
    from wijkmarkt.platform.accounts.models import Role
    from wijkmarkt.tenants.marketplace.actions.rings import propose_ring

    with tenant_context(parkwijk):
        people = {name.lower(): make_member(parkwijk, name) for name in ("Anna", "Bram", "Cor")}
        people["fatima"] = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
        ring = propose_ring(actor=actor_of(people["fatima"]), links=three_way(parkwijk, people))
        conversation = Conversation.objects.get(ring=ring)
    address = f'href="/berichten/{conversation.pk}/"'

    cor_sees = text(client_for("parkwijk", people["cor"].user).get(f"/ruilen/{ring.pk}/"))
    group = text(client_for("parkwijk", people["anna"].user).get(f"/berichten/{conversation.pk}/"))

    assert address in cor_sees
    assert "Ruil met Bram, Cor" in group and "iedereen die meedoet aan de ruil" in group
