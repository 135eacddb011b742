"""Crossing wijken through the pages: a Centrum member never reaches a Parkwijk listing, exchange or ring, by URL
on either site, and Parkwijk listings never appear in Centrum's search."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, propose_ring
from wijkmarkt.tenants.marketplace.models import Listing, Report


def page_of(response) -> str:
    return response.content.decode()


def parkwijk_objects(in_parkwijk, people):
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    listing = post(in_parkwijk, anna, title="Geheime Parkwijkvraag tablet")
    exchange = respond_to_listing(actor=actor_of(bram), member=bram, listing=listing, message="Parkwijkbericht")
    b = post(in_parkwijk, bram, title="Parkwijk laptop")
    c = post(in_parkwijk, cor, title="Parkwijk heg")
    ring = propose_ring(
        actor=actor_of(people["fatima"]),
        links=[
            LinkInput(request_id=listing.pk, giver_id=cor.pk),
            LinkInput(request_id=b.pk, giver_id=anna.pk),
            LinkInput(request_id=c.pk, giver_id=bram.pk),
        ],
    )
    return listing, exchange, ring


def test_centrum_member_gets_404_for_parkwijk_listing_exchange_and_ring_urls(in_parkwijk, people, centrum):
    listing, exchange, ring = parkwijk_objects(in_parkwijk, people)
    carla = make_member(centrum, "Carla")
    with tenant_context(centrum):
        assert not Listing.objects.filter(pk=listing.pk).exists()
    in_centrum, on_parkwijk = client_for("centrum", carla.user), client_for("parkwijk", carla.user)

    for url in (
        f"/vraag-en-aanbod/{listing.pk}/",
        f"/vraag-en-aanbod/{listing.pk}/afdrukken/",
        f"/afspraken/{exchange.pk}/",
        f"/ruilen/{ring.pk}/",
    ):
        here = in_centrum.get(url)
        there = on_parkwijk.get(url)
        assert here.status_code == 404, url
        assert there.status_code == 403, url  # not a member of Parkwijk: the members-only page
        for response in (here, there):
            assert "Geheime Parkwijkvraag" not in page_of(response)
            assert "Parkwijkbericht" not in page_of(response)


def test_centrum_member_cannot_respond_to_or_report_a_parkwijk_listing(in_parkwijk, people, centrum):
    listing, _exchange, _ring = parkwijk_objects(in_parkwijk, people)
    carla = make_member(centrum, "Carla")
    client = client_for("centrum", carla.user)

    responded = client.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"message": "Hallo"})
    reported = client.post(f"/vraag-en-aanbod/{listing.pk}/melden/", {"reason": "Test"})

    assert responded.status_code == reported.status_code == 404
    with tenant_context(in_parkwijk):  # the request left the connection on Centrum
        assert listing.exchanges.count() == 1
        assert not Report.objects.exists()
    with tenant_context(centrum):
        assert not Report.objects.exists()


def test_parkwijk_listings_never_show_in_centrum_search(in_parkwijk, people, centrum):
    post(in_parkwijk, people["anna"], title="Geheime Parkwijkvraag tablet")
    carla = make_member(centrum, "Carla")
    with tenant_context(centrum):
        post(centrum, carla, title="Centrumvraag tablet")
    client = client_for("centrum", carla.user)

    searched = page_of(client.get("/vraag-en-aanbod/", {"q": "tablet"}))
    everything = page_of(client.get("/vraag-en-aanbod/"))
    poster = page_of(client.get("/prikbord/"))

    assert "Centrumvraag tablet" in searched
    for page in (searched, everything, poster):
        assert "Geheime Parkwijkvraag" not in page


def test_a_ring_proposal_with_parkwijk_request_numbers_in_centrum_is_refused(in_parkwijk, people, centrum):
    listing, _exchange, _ring = parkwijk_objects(in_parkwijk, people)
    carla = make_member(centrum, "Carla", role="makelaar")

    response = client_for("centrum", carla.user).post(
        "/ruilen/nieuw/", {"request_1": listing.pk, "request_2": listing.pk + 1, "request_3": listing.pk + 2}
    )

    assert response.status_code == 200
    assert "Een van de vragen in deze ruil is niet (meer) open." in page_of(response)
