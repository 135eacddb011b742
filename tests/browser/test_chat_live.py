"""Live chat in a real browser: two neighbours in two Chromium contexts. Anna writes and Bram sees it appear without
a reload; Bram's connection drops, Anna writes meanwhile, and Bram gets that message after the reconnect and resume,
exactly once. A message sent with the plain form (no JavaScript) reaches the open page live too. Around the messages:
Anna sees Bram online while his page is open, sees "Bram typt…" while he types, and sees "Gelezen door Bram" under her
message once he has read it, also on a page without JavaScript; the buurtkamer counts neighbours online and has no
read marks. axe-core finds no serious or critical violations on the conversation page and the list.

The live server only sees committed rows, and inside Playwright's sync API the ORM refuses to run, so the data is
made (through the actions) and committed before the browser starts, and removed again when the module is done."""

import secrets

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.browsing import PASSWORD, log_in
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.chat.actions import buurtkamer, send_message, start_direct_conversation
from wijkmarkt.tenants.chat.models import ChatMessage, Conversation
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def seeded(wijkmarkt_server, django_db_blocker):
    """Two Parkwijk neighbours with a direct conversation, both in the buurtkamer with a message each (a member joins
    the buurtkamer's presence by writing or reading there); committed, and removed afterwards."""
    tag = secrets.token_hex(3)
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        users = [
            create_account(email=f"chat-{name.lower()}-{tag}@example.nl", first_name=name, password=PASSWORD)
            for name in ("Anna", "Bram")
        ]
        with tenant_context(wijk):
            anna, bram = (join_wijk(wijk=wijk, user=user, accepted_house_rules=True) for user in users)
            conversation = start_direct_conversation(member=anna, other=bram)
            room = buurtkamer()
            for member in (anna, bram):
                send_message(
                    member=member,
                    wijk=wijk,
                    conversation_id=room.pk,
                    client_id=f"seed-{member.pk}-{tag}",
                    body=f"Goedemorgen allemaal {tag}",
                )
        connection.set_schema_to_public()
    data = {
        "anna": users[0].email,
        "bram": users[1].email,
        "tag": tag,
        "conversation": conversation.pk,
        "room": room.pk,
    }
    yield data
    with django_db_blocker.unblock():
        wijk = Wijk.objects.get(schema_name="parkwijk")
        with tenant_context(wijk):
            members = Membership.objects.filter(user__email__in=[data["anna"], data["bram"]])
            ChatMessage.objects.filter(author__in=members).delete()
            Conversation.objects.filter(pk=data["conversation"]).delete()
            members.delete()
            User.objects.filter(email__in=[data["anna"], data["bram"]]).delete()
        connection.set_schema_to_public()


@pytest.fixture
def contexts(seeded, browser):
    """A browser context per neighbour (own cookies), closed after the test."""
    opened = []

    def open_context(javascript: bool = True):
        context = browser.new_context(locale="nl-NL", java_script_enabled=javascript)
        context.set_default_timeout(5_000)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


def open_conversation(context, site, email: str, conversation_id: int, live: bool = True, frames_sent=None):
    """Log in and open the conversation; `frames_sent` (a list) collects what the page sends over its sockets."""
    page = context.new_page()
    if frames_sent is not None:
        # A lambda, not frames_sent.append: Playwright tags its handlers with an attribute, which a builtin cannot have.
        page.on("websocket", lambda socket: socket.on("framesent", lambda payload: frames_sent.append(payload)))
    log_in(page, site, email)
    page.goto(site.url("parkwijk", f"/berichten/{conversation_id}/"))
    if live:
        expect(page.locator("[data-chat-state=open]")).to_have_count(1)  # resumed over the socket
    return page


def thread(page, text: str):
    return page.locator("#chat-thread li", has_text=text)


def send(page, text: str) -> None:
    page.get_by_label("Uw bericht").fill(text)
    page.get_by_role("button", name="Versturen").click()
    expect(thread(page, text)).to_have_count(1)


def test_two_neighbours_chat_live_and_nothing_is_lost_or_doubled_after_a_dropped_connection(seeded, contexts, site):
    tag, conversation = seeded["tag"], seeded["conversation"]
    anna_context, bram_context = contexts(), contexts()
    anna = open_conversation(anna_context, site, seeded["anna"], conversation)
    bram = open_conversation(bram_context, site, seeded["bram"], conversation)
    bram_url = bram.url

    first = f"Hoi Bram, heb jij een ladder? {tag}"
    anna.get_by_label("Uw bericht").fill(first)
    anna.get_by_role("button", name="Versturen").click()

    expect(anna.get_by_label("Uw bericht")).to_have_value("")  # cleared on the ack
    expect(thread(bram, first)).to_have_count(1)  # appeared without a reload
    expect(bram.locator("#chat-announce")).to_have_text(f"Nieuw bericht van Anna: {first}")
    assert bram.url == bram_url

    bram_context.set_offline(True)
    expect(bram.locator("[data-chat-state=closed]")).to_have_count(1)
    expect(bram.locator("#chat-connection")).to_have_text("Geen verbinding. We proberen het opnieuw.")
    second = f"Ik zet hem morgen bij je neer. {tag}"
    anna.get_by_label("Uw bericht").fill(second)
    anna.get_by_role("button", name="Versturen").click()
    expect(thread(anna, second)).to_have_count(1)
    bram.wait_for_timeout(500)
    expect(thread(bram, second)).to_have_count(0)  # really offline

    bram_context.set_offline(False)

    expect(bram.locator("[data-chat-state=open]")).to_have_count(1)
    expect(thread(bram, second)).to_have_count(1)
    bram.wait_for_timeout(500)  # anything doubled would have arrived by now
    expect(thread(bram, first)).to_have_count(1)
    expect(thread(bram, second)).to_have_count(1)
    expect(bram.locator("#chat-thread li")).to_have_count(2)
    expect(bram.locator("#chat-connection")).to_be_hidden()
    assert bram.url == bram_url


def test_a_message_sent_without_javascript_reaches_the_open_page_live(seeded, contexts, site):
    tag, conversation = seeded["tag"], seeded["conversation"]
    anna = open_conversation(contexts(), site, seeded["anna"], conversation)
    bram = open_conversation(contexts(javascript=False), site, seeded["bram"], conversation, live=False)

    text = f"Verstuurd zonder JavaScript {tag}"
    bram.get_by_label("Uw bericht").fill(text)
    bram.get_by_role("button", name="Versturen").click()

    expect(bram.locator("main")).to_contain_text("Uw bericht is verstuurd.")
    expect(thread(bram, text)).to_have_count(1)
    expect(bram.get_by_label("Uw bericht")).to_have_value("")
    expect(thread(anna, text)).to_have_count(1)


def test_an_error_from_the_socket_is_shown_next_to_the_field(seeded, contexts, site):
    anna = open_conversation(contexts(), site, seeded["anna"], seeded["conversation"])

    anna.get_by_label("Uw bericht").fill("   ")
    anna.get_by_role("button", name="Versturen").click()

    expect(anna.locator("#id_body_error")).to_have_text("Vul dit veld in.")
    expect(anna.get_by_label("Uw bericht")).to_have_attribute("aria-invalid", "true")
    expect(anna.get_by_label("Uw bericht")).to_be_focused()


def test_a_neighbour_is_shown_online_while_their_page_is_open(seeded, contexts, site):
    anna = open_conversation(contexts(), site, seeded["anna"], seeded["conversation"])
    expect(anna.locator("#chat-presence")).to_have_text("")  # only Anna herself is online

    bram = open_conversation(contexts(), site, seeded["bram"], seeded["conversation"])

    expect(anna.locator("#chat-presence")).to_have_text("Bram is online")
    expect(bram.locator("#chat-presence")).to_have_text("Anna is online")
    bram.close()
    expect(anna.locator("#chat-presence")).to_have_text("")
    expect(anna.locator("#chat-presence")).to_be_visible()  # an empty line keeps its place: the form does not move


def test_a_neighbour_sees_the_other_typing_and_not_themselves(seeded, contexts, site):
    tag, conversation = seeded["tag"], seeded["conversation"]
    anna = open_conversation(contexts(), site, seeded["anna"], conversation)
    sent_by_bram = []
    bram = open_conversation(contexts(), site, seeded["bram"], conversation, frames_sent=sent_by_bram)

    bram.get_by_label("Uw bericht").press_sequentially("Ik kom er zo aan", delay=100)  # about 1.6 s of typing

    expect(anna.locator("#chat-typing")).to_have_text("Bram typt…")
    bram.wait_for_timeout(300)  # the same frame has come back to Bram by now
    assert bram.locator("#chat-typing").text_content() == ""  # read once: a retrying expect would outwait the 5 s
    assert sum('"typing"' in frame for frame in sent_by_bram) == 1  # at most one frame every 3 seconds

    bram.get_by_label("Uw bericht").fill(f"Ik kom er zo aan {tag}")
    bram.get_by_role("button", name="Versturen").click()
    expect(thread(anna, f"Ik kom er zo aan {tag}")).to_have_count(1)
    expect(anna.locator("#chat-typing")).to_have_text("", timeout=2_000)  # the message ends it, not the 5 s timer

    bram.get_by_label("Uw bericht").press_sequentially("Nog iets")
    expect(anna.locator("#chat-typing")).to_have_text("Bram typt…")
    expect(anna.locator("#chat-typing")).to_have_text("", timeout=8_000)  # gone about 5 s after the last frame


def test_own_message_shows_read_by_the_neighbour_live_and_without_javascript(seeded, contexts, site):
    tag, conversation = seeded["tag"], seeded["conversation"]
    anna = open_conversation(contexts(), site, seeded["anna"], conversation)
    first = f"Heb je mijn bericht gezien? {tag}"
    send(anna, first)
    anna.wait_for_timeout(300)
    expect(thread(anna, first).locator(".message-read")).to_have_count(0)  # Bram has not opened it yet

    bram = open_conversation(contexts(), site, seeded["bram"], conversation)

    expect(thread(anna, first).locator(".message-read")).to_have_text("Gelezen door Bram")
    second = f"En dit bericht? {tag}"
    send(anna, second)
    expect(thread(bram, second)).to_have_count(1)  # on Bram's screen while his page has focus: read
    expect(thread(anna, second).locator(".message-read")).to_have_text("Gelezen door Bram")
    expect(anna.locator("#chat-thread .message-read")).to_have_count(1)  # only under the newest one read

    plain = open_conversation(contexts(javascript=False), site, seeded["anna"], conversation, live=False)
    expect(thread(plain, second).locator(".message-read")).to_have_text("Gelezen door Bram")
    expect(plain.locator("#chat-thread .message-read")).to_have_count(1)
    expect(plain.locator("#chat-status")).to_be_hidden()  # presence and typing need the socket


def test_the_buurtkamer_counts_neighbours_online_and_shows_no_read_marks(seeded, contexts, site):
    anna = open_conversation(contexts(), site, seeded["anna"], seeded["room"])
    expect(thread(anna, f"Goedemorgen allemaal {seeded['tag']}")).to_have_count(2)

    open_conversation(contexts(), site, seeded["bram"], seeded["room"])  # Bram reads Anna's message there

    expect(anna.locator("#chat-presence")).to_have_text("1 buur online")
    anna.wait_for_timeout(500)  # Bram's read frame has arrived by now
    expect(anna.locator("#chat-thread .message-read")).to_have_count(0)
    anna.reload()
    expect(anna.locator("#chat-thread li")).not_to_have_count(0)
    expect(anna.locator("#chat-thread .message-read")).to_have_count(0)


@pytest.mark.parametrize(
    "path", ["/berichten/{conversation}/", "/berichten/{room}/", "/berichten/", "/berichten/nieuw/"]
)
def test_chat_page_has_no_serious_or_critical_axe_violations(seeded, contexts, site, path):
    page = contexts().new_page()
    log_in(page, site, seeded["anna"])
    page.goto(site.url("parkwijk", path.format(**seeded)))
    expect(page.locator("h1")).to_have_count(1)

    results = Axe().run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} ({v['helpUrl']})\n"
        + "\n".join(f"    {', '.join(map(str, node['target']))}" for node in v["nodes"])
        for v in blocking
    )
    assert not blocking, f"{page.url}:\n{report}"
