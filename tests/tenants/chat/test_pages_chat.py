"""The chat pages without JavaScript: the list with unread counts, a conversation with its history and a send form
that stores a message once however often the same form is posted, errors next to the field keeping what was typed,
blocked authors left out, and nothing of another member or another wijk reachable by URL."""

import re

import pytest
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.members import get_wijk, make_member
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.chat import actions as chat_actions
from wijkmarkt.tenants.chat.actions import buurtkamer, inbox_of, send_message, start_direct_conversation
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation, Participant
from wijkmarkt.tenants.marketplace.actions.moderation import block_member
from wijkmarkt.tenants.membership.selectors import actor_for


def text(response) -> str:
    return response.content.decode()


def say(wijk, member, conversation, body, client_id=None):
    with tenant_context(wijk):
        message, _created = send_message(
            member=member,
            wijk=wijk,
            conversation_id=conversation.pk,
            client_id=client_id or f"c{ChatMessage.objects.count()}-{member.pk}",
            body=body,
        )
    return message


def client_id_in(page: str) -> str:
    return re.search(r'name="client_id" value="([0-9a-f]+)"', page).group(1)


@pytest.fixture
def neighbours(parkwijk):
    """Anna and Bram with a direct conversation; Cor a third neighbour."""
    anna, bram, cor = (make_member(parkwijk, name) for name in ("Anna", "Bram", "Cor"))
    with tenant_context(parkwijk):
        conversation = start_direct_conversation(member=anna, other=bram)
    return {"anna": anna, "bram": bram, "cor": cor, "conversation": conversation}


def test_list_shows_conversations_with_unread_counts_newest_first(parkwijk, neighbours):
    anna, bram, cor = neighbours["anna"], neighbours["bram"], neighbours["cor"]
    with tenant_context(parkwijk):
        with_cor = start_direct_conversation(member=anna, other=cor)
    say(parkwijk, cor, with_cor, "Hallo Anna")
    say(parkwijk, bram, neighbours["conversation"], "Eerste")
    say(parkwijk, bram, neighbours["conversation"], "Tweede")
    say(parkwijk, anna, neighbours["conversation"], "Mijn eigen bericht telt niet")

    response = client_for("parkwijk", anna.user).get("/berichten/")

    page = text(response)
    assert response.status_code == 200
    assert page.index("Gesprek met Bram") < page.index("Gesprek met Cor")  # Bram's was written last
    assert "2 nieuwe berichten" in page
    assert "1 nieuw bericht" in page
    assert "Naar de buurtkamer" in page and "Vraag het de sociaal makelaar" in page
    assert 'href="/berichten/">Berichten <span class="count">(3 nieuw)</span>' in page  # the menu's total


def test_opening_a_conversation_shows_history_oldest_first_and_marks_it_read(parkwijk, neighbours):
    anna, bram, conversation = neighbours["anna"], neighbours["bram"], neighbours["conversation"]
    say(parkwijk, bram, conversation, "Eerste")
    last = say(parkwijk, bram, conversation, "Tweede <b>vet</b> https://example.nl/x")
    client = client_for("parkwijk", anna.user)

    page = text(client.get(f"/berichten/{conversation.pk}/"))

    assert page.index("Eerste") < page.index("Tweede")
    assert "Tweede &lt;b&gt;vet&lt;/b&gt; https://example.nl/x" in page  # escaped, the link only shown
    assert '<a href="https://example.nl' not in page
    assert 'src="/static/themes/base/chat.js" defer' in page
    with tenant_context(parkwijk):
        assert Participant.objects.get(conversation=conversation, member=anna).last_read_id == last.pk
    assert "nieuwe berichten" not in text(client.get("/berichten/"))


def test_history_shows_the_last_fifty(parkwijk, neighbours, monkeypatch):
    monkeypatch.setattr(chat_actions, "RATE_LIMIT", 100)  # 55 messages in a second, by design over the limit
    bram, conversation = neighbours["bram"], neighbours["conversation"]
    for n in range(55):
        say(parkwijk, bram, conversation, f"bericht-{n:02d}.", client_id=f"h{n}")

    page = text(client_for("parkwijk", neighbours["anna"].user).get(f"/berichten/{conversation.pk}/"))

    assert "bericht-04." not in page and "bericht-05." in page and "bericht-54." in page
    assert page.count('<li class="message') == 50


def test_form_without_javascript_stores_a_message_once_even_when_posted_twice(parkwijk, neighbours):
    anna, conversation = neighbours["anna"], neighbours["conversation"]
    client = client_for("parkwijk", anna.user)
    url = f"/berichten/{conversation.pk}/"
    form = {"body": "Zal ik morgen de ladder brengen?", "client_id": client_id_in(text(client.get(url)))}

    first = client.post(url, form)
    second = client.post(url, form)  # a double click, or a reload after a lost answer

    with tenant_context(parkwijk):
        stored = list(ChatMessage.objects.filter(conversation=conversation))
    assert [m.body for m in stored] == ["Zal ik morgen de ladder brengen?"]
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"{url}#bericht-{stored[0].pk}"
    page = text(client.get(url))
    assert "Zal ik morgen de ladder brengen?" in page
    assert client_id_in(page) != form["client_id"]  # a fresh form for the next message


def test_each_rendered_form_has_its_own_client_id(parkwijk, neighbours):
    client = client_for("parkwijk", neighbours["anna"].user)
    url = f"/berichten/{neighbours['conversation'].pk}/"

    assert client_id_in(text(client.get(url))) != client_id_in(text(client.get(url)))


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("   ", "Vul dit veld in."),
        ("x" * 2001, "Dit is te lang: maximaal 2000 tekens, u typte er 2001."),
        ("Hallo\x07buur", "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."),
    ],
)
def test_form_errors_are_shown_next_to_the_field_keeping_what_was_typed(parkwijk, neighbours, body, error):
    conversation = neighbours["conversation"]
    client = client_for("parkwijk", neighbours["anna"].user)
    url = f"/berichten/{conversation.pk}/"

    response = client.post(url, {"body": body, "client_id": "abc123"})

    page = text(response)
    assert response.status_code == 200
    assert f'<p class="error-message" id="id_body_error">{error} </p>' in page
    assert 'aria-invalid="true"' in page
    assert f">\n{body}</textarea>" in page
    assert '<div class="error-summary"' in page
    with tenant_context(parkwijk):
        assert not ChatMessage.objects.filter(conversation=conversation).exists()


def test_messages_of_a_blocked_neighbour_are_not_shown(parkwijk, neighbours):
    anna, cor = neighbours["anna"], neighbours["cor"]
    with tenant_context(parkwijk):
        room = buurtkamer()
    say(parkwijk, cor, room, "Bericht van Cor")
    say(parkwijk, neighbours["bram"], room, "Bericht van Bram")
    with tenant_context(parkwijk):
        block_member(actor=actor_for(anna.user), blocker=anna, blocked=cor)

    page = text(client_for("parkwijk", anna.user).get(f"/berichten/{room.pk}/"))

    assert "Bericht van Bram" in page
    assert "Bericht van Cor" not in page


def test_a_conversation_of_others_is_not_found(parkwijk, neighbours):
    conversation = neighbours["conversation"]
    cor = client_for("parkwijk", neighbours["cor"].user)
    say(parkwijk, neighbours["bram"], conversation, "Alleen voor Anna")

    shown, posted = (
        cor.get(f"/berichten/{conversation.pk}/"),
        cor.post(f"/berichten/{conversation.pk}/", {"body": "Ik ook!", "client_id": "x1"}),
    )

    assert shown.status_code == posted.status_code == 404
    assert "Alleen voor Anna" not in text(shown)
    with tenant_context(parkwijk):
        assert not ChatMessage.objects.filter(body="Ik ook!").exists()
    assert "Gesprek met" not in text(cor.get("/berichten/"))


def test_someone_elses_makelaar_question_is_not_found_but_the_makelaars_see_it(parkwijk, neighbours):
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    with tenant_context(parkwijk):
        question = inbox_of(neighbours["anna"])
    say(parkwijk, neighbours["anna"], question, "Wie helpt met mijn belastingpapieren?")

    assert client_for("parkwijk", neighbours["bram"].user).get(f"/berichten/{question.pk}/").status_code == 404
    for_makelaar = client_for("parkwijk", fatima.user)
    assert "Vraag van Anna" in text(for_makelaar.get("/berichten/"))
    assert "belastingpapieren" in text(for_makelaar.get(f"/berichten/{question.pk}/"))


def test_visitors_and_outsiders_get_the_members_only_page(parkwijk, neighbours):
    conversation = neighbours["conversation"]
    outsider = client_for("parkwijk", make_member(get_wijk("slachthuisbuurt"), "Olga").user)

    for client in (client_for("parkwijk"), outsider):
        for url in ("/berichten/", f"/berichten/{conversation.pk}/", "/berichten/nieuw/"):
            response = client.get(url)
            assert response.status_code == 403, url
            assert "Deze pagina is alleen voor leden van de wijk" in text(response)


def test_centrum_member_cannot_reach_a_parkwijk_conversation(parkwijk, centrum, neighbours):
    conversation = neighbours["conversation"]
    say(parkwijk, neighbours["bram"], conversation, "Geheim Parkwijkbericht")
    carla = make_member(centrum, "Carla")
    url = f"/berichten/{conversation.pk}/"

    here = client_for("centrum", carla.user)
    there = client_for("parkwijk", carla.user)
    got_here, posted_here, got_there = here.get(url), here.post(url, {"body": "Hoi", "client_id": "c1"}), there.get(url)

    assert got_here.status_code == posted_here.status_code == 404  # the same id in Centrum is nobody's conversation
    assert got_there.status_code == 403  # not a member of Parkwijk
    for response in (got_here, posted_here, got_there):
        assert "Geheim Parkwijkbericht" not in text(response)
    with tenant_context(centrum):
        assert not ChatMessage.objects.exists()


def test_starting_a_conversation_with_a_neighbour_goes_to_the_one_conversation(parkwijk, neighbours):
    anna, bram, cor = neighbours["anna"], neighbours["bram"], neighbours["cor"]
    client = client_for("parkwijk", anna.user)

    choice = text(client.get("/berichten/nieuw/"))
    again = client.post(f"/berichten/nieuw/{bram.pk}/")
    new = client.post(f"/berichten/nieuw/{cor.pk}/")

    assert f'action="/berichten/nieuw/{cor.pk}/"' in choice and f'action="/berichten/nieuw/{anna.pk}/"' not in choice
    assert again["Location"] == f"/berichten/{neighbours['conversation'].pk}/"
    with tenant_context(parkwijk):
        with_cor = Conversation.objects.filter(participants__member=cor).get()
    assert new["Location"] == f"/berichten/{with_cor.pk}/"
    assert "Gesprek met Cor" in text(client.get(new["Location"]))


def test_starting_a_conversation_with_a_blocked_neighbour_says_why(parkwijk, neighbours):
    anna, cor = neighbours["anna"], neighbours["cor"]
    with tenant_context(parkwijk):
        block_member(actor=actor_for(cor.user), blocker=cor, blocked=anna)

    response = client_for("parkwijk", anna.user).post(f"/berichten/nieuw/{cor.pk}/")

    assert response.status_code == 200
    assert "U kunt geen contact hebben met deze buur." in text(response)


def test_starting_a_conversation_with_a_member_of_another_wijk_is_not_found(parkwijk, centrum, neighbours):
    carla = make_member(centrum, "Carla")

    response = client_for("parkwijk", neighbours["anna"].user).post(f"/berichten/nieuw/{carla.pk}/")

    assert response.status_code == 404


def test_buurtkamer_and_makelaar_links_open_their_conversation(parkwijk, neighbours):
    client = client_for("parkwijk", neighbours["anna"].user)

    room = client.get("/berichten/buurtkamer/")
    question = client.get("/berichten/sociaal-makelaar/")

    with tenant_context(parkwijk):
        assert room["Location"] == f"/berichten/{Conversation.objects.get(kind='buurtkamer').pk}/"
        assert question["Location"] == f"/berichten/{inbox_of(neighbours['anna']).pk}/"
    assert "Vraag aan de sociaal makelaar" in text(client.get(question["Location"]))


def test_without_the_buurtkamer_module_there_is_no_buurtkamer(parkwijk, neighbours):
    parkwijk.modules = [m for m in parkwijk.modules if m != "buurtkamer"]
    parkwijk.save()
    client = client_for("parkwijk", neighbours["anna"].user)

    assert client.get("/berichten/buurtkamer/").status_code == 404
    assert "Naar de buurtkamer" not in text(client.get("/berichten/"))


def test_too_many_messages_in_a_minute_is_said_next_to_the_field(parkwijk, neighbours, monkeypatch):
    monkeypatch.setattr(chat_actions, "RATE_LIMIT", 1)
    client = client_for("parkwijk", neighbours["anna"].user)
    url = f"/berichten/{neighbours['conversation'].pk}/"
    client.post(url, {"body": "Een", "client_id": "r1"})

    page = text(client.post(url, {"body": "Twee", "client_id": "r2"}))

    assert '<p class="error-message" id="id_body_error">U stuurt veel berichten achter elkaar. Wacht even. </p>' in page
    assert ">\nTwee</textarea>" in page
