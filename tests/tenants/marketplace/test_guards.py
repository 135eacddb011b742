"""Input and state that once reached a 500 or slipped past a check."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, category, post
from wijkmarkt.platform.wijken.models import Wijk, WijkStatus
from wijkmarkt.tenants.marketplace.actions.exchanges import agree_exchange, respond_to_listing
from wijkmarkt.tenants.marketplace.actions.rings import LinkInput, propose_ring
from wijkmarkt.tenants.marketplace.models import Listing, ListingStatus
from wijkmarkt.tenants.membership.actions.proxies import register_proxy


def test_not_a_number_for_hours_is_a_plain_error(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    exchange = respond_to_listing(
        actor=actor_of(people["bram"]), member=people["bram"], listing=listing, message="Ik kom"
    )

    with pytest.raises(ValidationError) as refused:
        agree_exchange(
            actor=actor_of(people["bram"]), exchange=exchange, what="Tablet", agreed_for=None, hours=Decimal("NaN")
        )
    page = client_for("parkwijk", people["bram"].user).post(
        f"/afspraken/{exchange.pk}/afspreken/", {"what": "x", "hours": "NaN"}
    )

    assert refused.value.error_dict["hours"][0].code == "invalid_duration"
    assert page.status_code in (200, 302)


def test_a_ring_over_an_exchange_already_running_is_refused(in_parkwijk, people):
    anna, bram, cor = people["anna"], people["bram"], people["cor"]
    need_anna = post(in_parkwijk, anna, title="Boodschappen", category_id=category("boodschappen").pk)
    need_bram = post(in_parkwijk, bram, title="Laptop", category_id=category("computer").pk)
    need_cor = post(in_parkwijk, cor, title="Heg", category_id=category("tuin").pk)
    respond_to_listing(actor=actor_of(cor), member=cor, listing=need_anna, message="Ik doe het")

    with pytest.raises(ValidationError) as refused:
        propose_ring(
            actor=actor_of(people["fatima"]),
            links=[LinkInput(need_anna.pk, cor.pk), LinkInput(need_bram.pk, anna.pk), LinkInput(need_cor.pk, bram.pk)],
        )

    assert refused.value.error_dict["links"][0].code == "ring_invalid"


def test_a_paused_wijk_takes_no_writes_from_any_page(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    Listing.objects.filter(pk=listing.pk).update(
        status=ListingStatus.EXPIRED, expires_at=timezone.now() - dt.timedelta(days=1)
    )
    Wijk.objects.filter(pk=in_parkwijk.pk).update(status=WijkStatus.PAUSED)

    response = client_for("parkwijk", people["anna"].user).post(f"/vraag-en-aanbod/{listing.pk}/verlengen/")

    assert response.status_code == 403
    assert Listing.objects.get(pk=listing.pk).status == ListingStatus.EXPIRED


def test_someone_elses_proxy_answers_like_a_missing_one(in_parkwijk, people):
    proxy = register_proxy(
        actor=actor_of(people["anna"]),
        principal=people["anna"],
        proxy_email=people["cor"].user.email,
        relation="buurman",
    )
    bram = client_for("parkwijk", people["bram"].user)

    assert bram.post(f"/profiel/gemachtigden/{proxy.pk}/stoppen/").status_code == 404
    assert bram.post("/profiel/gemachtigden/999999/stoppen/").status_code == 404


def test_a_bad_category_name_is_shown_not_reported_as_changed(in_parkwijk):
    from tests.builders.members import make_member

    admin = make_member(in_parkwijk, "Admin", role="wijk_admin")
    computer = category("computer")

    page = client_for("parkwijk", admin.user).post(
        f"/categorieen/{computer.pk}/hernoemen/", {"name": "Computer\x00hulp"}
    )

    assert "De naam is veranderd" not in page.content.decode()
    computer.refresh_from_db()
    assert computer.name == "Computerhulp"
