"""Ring pages: a makelaar proposes a three-way swap by choosing the requests in order, each participant confirms,
and the ring becomes exchanges; declining cancels it; candidates come from the finder."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import category, post
from tests.builders.members import make_member
from wijkmarkt.tenants.marketplace.models import Exchange, Ring


def page_of(response) -> str:
    return response.content.decode()


def needs(in_parkwijk, people) -> dict:
    """Anna needs shopping (Cor offers it), Cor his hedge (Bram offers), Bram his laptop (Anna offers)."""
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    requests = {
        "anna": post(in_parkwijk, anna, title="Boodschappen op vrijdag", category_id=category("boodschappen").pk),
        "cor": post(in_parkwijk, cor, title="Heg snoeien", category_id=category("tuin").pk),
        "bram": post(in_parkwijk, bram, title="Laptop is traag", category_id=category("computer").pk),
    }
    post(in_parkwijk, cor, kind="offer", title="Ik doe boodschappen", category_id=category("boodschappen").pk)
    post(in_parkwijk, bram, kind="offer", title="Ik snoei heggen", category_id=category("tuin").pk)
    post(in_parkwijk, anna, kind="offer", title="Computerhulp", category_id=category("computer").pk)
    return requests


def test_makelaar_proposes_a_three_way_swap_and_it_becomes_exchanges_when_all_confirm(in_parkwijk, people):
    requests = needs(in_parkwijk, people)
    makelaar = client_for("parkwijk", people["fatima"].user)

    candidates = page_of(makelaar.get("/ruilen/"))
    form = page_of(makelaar.get("/ruilen/nieuw/"))
    # The owner of the previous request helps with the next: Cor helps Anna, Anna helps Bram, Bram helps Cor.
    proposed = makelaar.post(
        "/ruilen/nieuw/",
        {"request_1": requests["anna"].pk, "request_2": requests["bram"].pk, "request_3": requests["cor"].pk},
    )

    assert "Mogelijke ruilen in de wijk" in candidates
    assert "Boodschappen op vrijdag" in form
    assert proposed.status_code == 302, page_of(proposed)
    ring_url = proposed["Location"]
    with tenant_context(in_parkwijk):
        ring = Ring.objects.get()
        links = list(ring.links.select_related("giver__user"))
    for link in links:
        client = client_for("parkwijk", link.giver.user)
        page = page_of(client.get(ring_url))
        assert "Ik doe mee" in page
        assert client.post(f"{ring_url}stap/{link.pk}/bevestigen/").status_code == 302
    with tenant_context(in_parkwijk):
        ring.refresh_from_db()
        assert ring.status == Ring.Status.CONFIRMED
        assert Exchange.objects.filter(ring=ring).count() == 3
    assert "De afspraken van deze ruil" in page_of(client_for("parkwijk", people["anna"].user).get(ring_url))


def test_a_ring_that_does_not_close_or_is_too_short_is_refused_with_a_message(in_parkwijk, people):
    requests = needs(in_parkwijk, people)
    makelaar = client_for("parkwijk", people["fatima"].user)

    too_short = makelaar.post("/ruilen/nieuw/", {"request_1": requests["anna"].pk, "request_2": requests["cor"].pk})
    twice = makelaar.post(
        "/ruilen/nieuw/",
        {"request_1": requests["anna"].pk, "request_2": requests["anna"].pk, "request_3": requests["cor"].pk},
    )

    assert "Een ruil met meer buren heeft 3 tot 6 deelnemers." in page_of(too_short)
    assert "Er ging iets mis" in page_of(twice)
    with tenant_context(in_parkwijk):
        assert Ring.objects.count() == 0


def test_a_participant_declines_with_a_reason_and_the_ring_is_off(in_parkwijk, people):
    requests = needs(in_parkwijk, people)
    makelaar = client_for("parkwijk", people["fatima"].user)
    ring_url = makelaar.post(
        "/ruilen/nieuw/",
        {"request_1": requests["anna"].pk, "request_2": requests["bram"].pk, "request_3": requests["cor"].pk},
    )["Location"]
    with tenant_context(in_parkwijk):
        link = Ring.objects.get().links.get(giver=people["cor"])
    as_cor = client_for("parkwijk", people["cor"].user)

    empty = as_cor.post(f"{ring_url}stap/{link.pk}/afwijzen/", {"reason": ""})
    declined = as_cor.post(f"{ring_url}stap/{link.pk}/afwijzen/", {"reason": "Ik ga op vakantie."})

    assert f'id="afwijzen_{link.pk}_reason_error"' in page_of(empty)
    assert declined.status_code == 302
    with tenant_context(in_parkwijk):
        assert Ring.objects.get().status == Ring.Status.CANCELLED


def test_a_candidate_from_the_finder_opens_the_proposal_form_filled_in(in_parkwijk, people):
    requests = needs(in_parkwijk, people)
    as_anna = client_for("parkwijk", people["anna"].user)

    candidates = page_of(as_anna.get("/ruilen/"))
    form = page_of(
        as_anna.get(
            "/ruilen/nieuw/",
            {"request_1": requests["anna"].pk, "request_2": requests["bram"].pk, "request_3": requests["cor"].pk},
        )
    )

    assert "Mogelijke ruilen met u" in candidates
    assert "Deze ruil voorstellen" in candidates
    assert f'<option value="{requests["anna"].pk}" selected>' in form
    assert f'<option value="{requests["cor"].pk}" selected>' in form


def test_a_member_outside_the_ring_gets_a_404(in_parkwijk, people):
    requests = needs(in_parkwijk, people)
    makelaar = client_for("parkwijk", people["fatima"].user)
    ring_url = makelaar.post(
        "/ruilen/nieuw/",
        {"request_1": requests["anna"].pk, "request_2": requests["bram"].pk, "request_3": requests["cor"].pk},
    )["Location"]
    dirk = make_member(in_parkwijk, "Dirk")

    assert client_for("parkwijk", dirk.user).get(ring_url).status_code == 404
    assert client_for("parkwijk", people["anna"].user).get(ring_url).status_code == 200
