"""The exchange pages: the thread, cancelling with a reason, "nog niet gedaan", blocking, reporting a message, and
who may see an exchange at all."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, consents_to_makelaar, post, tomorrow
from wijkmarkt.tenants.chat.selectors import exchange_thread
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, confirm_done, respond_to_listing
from wijkmarkt.tenants.marketplace.models import Block, Exchange, ExchangeStatus, ListingStatus, Report


def page_of(response) -> str:
    return response.content.decode()


def respond(in_parkwijk, people, helper="bram"):
    listing = post(in_parkwijk, people["anna"])
    return respond_to_listing(
        actor=actor_of(people[helper]), member=people[helper], listing=listing, message="Ik help graag!"
    )


def agreed(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)
    for name in ("bram", "anna"):
        agree_exchange(actor=actor_of(people[name]), exchange=exchange, what="Tablet", agreed_for=None)
    exchange.refresh_from_db()
    return exchange


def test_both_sides_see_the_thread_and_others_get_a_404(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)
    url = f"/afspraken/{exchange.pk}/"

    anna = client_for("parkwijk", people["anna"].user).get(url)
    cor = client_for("parkwijk", people["cor"].user).get(url)
    listed = page_of(client_for("parkwijk", people["anna"].user).get("/afspraken/"))

    assert "Ik help graag!" in page_of(anna)
    assert cor.status_code == 404
    assert url in listed


def test_an_empty_message_is_refused_next_to_the_field(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)

    response = client_for("parkwijk", people["anna"].user).post(f"/afspraken/{exchange.pk}/bericht/", {"body": ""})

    assert 'id="bericht_body_error"' in page_of(response)
    assert "Vul dit veld in." in page_of(response)
    assert exchange_thread(exchange).count() == 1


def test_agreeing_on_a_moment_in_the_past_is_refused_keeping_what_was_typed(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)

    response = client_for("parkwijk", people["anna"].user).post(
        f"/afspraken/{exchange.pk}/afspreken/", {"what": "Tablet instellen", "agreed_on": "01-01-2020"}
    )

    page = page_of(response)
    assert "Dit moment is al voorbij. Kies een moment in de toekomst." in page
    assert 'id="afspreken_agreed_on_error"' in page
    assert 'value="Tablet instellen"' in page
    exchange.refresh_from_db()
    assert exchange.what == ""


def test_cancelling_needs_a_reason_and_reopens_the_listing(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)
    client = client_for("parkwijk", people["bram"].user)

    without = client.post(f"/afspraken/{exchange.pk}/afzeggen/", {"reason": ""})
    cancelled = client.post(f"/afspraken/{exchange.pk}/afzeggen/", {"reason": "Ik ben ziek geworden."})

    assert 'id="afzeggen_reason_error"' in page_of(without)
    assert cancelled.status_code == 302
    exchange.refresh_from_db()
    exchange.listing.refresh_from_db()
    assert (exchange.status, exchange.cancelled_reason) == (ExchangeStatus.CANCELLED, "Ik ben ziek geworden.")
    assert exchange.listing.status == ListingStatus.OPEN
    assert "Ik ben ziek geworden." in page_of(client.get(f"/afspraken/{exchange.pk}/"))


def test_nog_niet_gedaan_takes_back_the_other_sides_done(in_parkwijk, people):
    exchange = agreed(in_parkwijk, people)
    confirm_done(actor=actor_of(people["bram"]), exchange=exchange)
    client = client_for("parkwijk", people["anna"].user)

    page = page_of(client.get(f"/afspraken/{exchange.pk}/"))
    objected = client.post(f"/afspraken/{exchange.pk}/nog-niet-gedaan/", {"reason": "Hij kwam niet opdagen."})

    assert "Bram zegt dat het gedaan is." in page
    assert objected.status_code == 302
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.AGREED
    assert exchange.helper_done_at is None


def test_thanking_before_it_is_done_is_refused_with_a_message(in_parkwijk, people):
    exchange = agreed(in_parkwijk, people)

    response = client_for("parkwijk", people["anna"].user).post(
        f"/afspraken/{exchange.pk}/bedanken/", {"text": "Dank!"}
    )

    assert "Bedanken kan als de afspraak gedaan is." in page_of(response)


def test_blocking_the_other_member_stops_messages(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)
    client = client_for("parkwijk", people["anna"].user)

    blocked = client.post(f"/afspraken/{exchange.pk}/blokkeren/", {})
    message = client_for("parkwijk", people["bram"].user).post(f"/afspraken/{exchange.pk}/bericht/", {"body": "Hoi?"})

    assert blocked.status_code == 302
    with tenant_context(in_parkwijk):
        assert Block.objects.filter(blocker=people["anna"], blocked=people["bram"]).exists()
    assert "U kunt geen contact hebben met deze buur." in page_of(message)


def test_a_message_is_reported_to_the_moderation(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)
    message = exchange_thread(exchange).get()
    client = client_for("parkwijk", people["anna"].user)

    form = page_of(client.get(f"/afspraken/{exchange.pk}/berichten/{message.pk}/melden/"))
    reported = client.post(f"/afspraken/{exchange.pk}/berichten/{message.pk}/melden/", {"reason": "Onaardig"})

    assert "Ik help graag!" in form
    assert reported.status_code == 302
    with tenant_context(in_parkwijk):
        assert Report.objects.get().message == message


def test_makelaar_confirms_for_one_side_and_a_proxy_for_their_principal(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["anna"])
    consents_to_makelaar(people["fatima"], people["bram"])
    exchange = respond(in_parkwijk, people)
    makelaar = client_for("parkwijk", people["fatima"].user)

    page = page_of(makelaar.get(f"/afspraken/{exchange.pk}/"))
    makelaar.post(
        f"/afspraken/{exchange.pk}/afspreken/",
        {"what": "Tablet", "agreed_on": tomorrow().isoformat(), "on_behalf_of": str(people["anna"].pk)},
    )

    assert "Namens wie?" in page
    exchange.refresh_from_db()
    assert exchange.receiver_agreed_at is not None
    assert exchange.helper_agreed_at is None


def test_exchange_numbers_of_another_member_are_not_listed(in_parkwijk, people):
    exchange = respond(in_parkwijk, people)

    listed = page_of(client_for("parkwijk", people["cor"].user).get("/afspraken/"))

    assert f"/afspraken/{exchange.pk}/" not in listed
    assert Exchange.objects.count() == 1
