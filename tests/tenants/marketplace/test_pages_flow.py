"""A resident's whole way through the pages: post, find, respond, agree, complete and thank, without JavaScript
and without touching an action directly (only the set-up uses them)."""

import re

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import category, tomorrow
from wijkmarkt.tenants.marketplace.models import Exchange, ExchangeStatus, Listing, ListingStatus, ThankYou


def page_of(response) -> str:
    return response.content.decode()


def test_resident_posts_finds_responds_agrees_completes_and_thanks_through_pages(parkwijk, people):
    anna, bram = people["anna"], people["bram"]
    as_anna, as_bram = client_for("parkwijk", anna.user), client_for("parkwijk", bram.user)
    with tenant_context(parkwijk):
        computer = category("computer").pk

    posted = as_anna.post(
        "/vraag-en-aanbod/nieuw/",
        {
            "kind": "request",
            "title": "Hulp met mijn tablet",
            "category": computer,
            "when": "date",
            "description": "De videobel-app doet het niet meer.",
            "starts_on": tomorrow().isoformat(),
            "visibility": "wijk",
            "duration_minutes": "60",
        },
    )
    assert posted.status_code == 302
    listing_url = posted["Location"]
    assert re.fullmatch(r"/vraag-en-aanbod/\d+/", listing_url)

    found = page_of(as_bram.get("/vraag-en-aanbod/", {"q": "tablets"}))  # Dutch stemming: tablets ~ tablet
    assert "Hulp met mijn tablet" in found
    assert listing_url in found

    detail = page_of(as_bram.get(listing_url))
    assert "Ik kan helpen" in detail
    assert "Anna" in detail
    responded = as_bram.post(listing_url + "reageren/", {"message": "Ik kom morgen even kijken!"})
    assert responded.status_code == 302
    exchange_url = responded["Location"]
    assert re.fullmatch(r"/afspraken/\d+/", exchange_url)
    assert "Ik kom morgen even kijken!" in page_of(as_anna.get(exchange_url))

    terms = {"what": "Tablet instellen", "agreed_on": tomorrow().isoformat(), "agreed_at": "14:00", "hours": "1,5"}
    assert as_bram.post(exchange_url + "afspreken/", terms).status_code == 302
    assert as_anna.post(exchange_url + "afspreken/", terms).status_code == 302
    assert as_anna.post(exchange_url + "bericht/", {"body": "Tot morgen!"}).status_code == 302
    assert as_bram.post(exchange_url + "gedaan/", {}).status_code == 302
    assert as_anna.post(exchange_url + "gedaan/", {}).status_code == 302
    thanked = as_anna.post(exchange_url + "bedanken/", {"text": "Bram, super bedankt!", "show_on_home": "on"})
    assert thanked.status_code == 302
    with tenant_context(parkwijk):
        thank_you = ThankYou.objects.get()
    consented = as_bram.post(f"{exchange_url}bedankje/{thank_you.pk}/toestemming/", {})
    assert consented.status_code == 302

    with tenant_context(parkwijk):
        exchange = Exchange.objects.get()
        assert exchange.status == ExchangeStatus.DONE
        assert exchange.hours == 1.5
        assert Listing.objects.get().status == ListingStatus.DONE
        thank_you.refresh_from_db()
        assert thank_you.author_consents and thank_you.other_consents
    home = page_of(as_bram.get("/"))
    assert "Wat onze buurt deze maand deed" in home
    assert "Bram, super bedankt!" in home
    assert 'href="/hulp-vragen/"' in home
    assert timezone.localdate()  # the figures are this month's
