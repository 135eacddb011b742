"""Hulp vragen in three steps: one question per page, back always possible, answers carried without JavaScript, and
a request placed at the end through the same action as the full form."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import category, consents_to_makelaar, tomorrow
from wijkmarkt.tenants.marketplace.models import Listing, ListingKind, Profile, When
from wijkmarkt.tenants.membership.models import PlacedAs


def page_of(response) -> str:
    return response.content.decode()


def test_three_steps_place_a_request_and_remember_how_to_reach_me(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    tuin = str(category("tuin").pk)

    step1 = page_of(client.get("/hulp-vragen/"))
    step2 = page_of(client.post("/hulp-vragen/", {"step": "1", "category": tuin, "title": "Mijn heg snoeien"}))
    step3 = page_of(
        client.post("/hulp-vragen/", {"step": "2", "category": tuin, "title": "Mijn heg snoeien", "moment": "week"})
    )
    done = client.post(
        "/hulp-vragen/",
        {
            "step": "3",
            "category": tuin,
            "title": "Mijn heg snoeien",
            "moment": "week",
            "contact_way": "phone",
            "phone": "023-1234567",
        },
    )

    assert "Stap 1 van 3" in step1 and "Waar heeft u hulp bij nodig?" in step1
    assert step1.count("<h1") == 1
    assert "Stap 2 van 3" in step2 and "Deze week" in step2
    assert '<input type="hidden" name="title" value="Mijn heg snoeien">' in step2
    assert "Stap 3 van 3" in step3 and "Hoe kunnen buren u bereiken?" in step3
    assert done.status_code == 302
    with tenant_context(in_parkwijk):
        listing = Listing.objects.get()
        profile = Profile.objects.get(member=people["anna"])
    today = timezone.localdate()
    assert (listing.kind, listing.title, listing.description) == (
        ListingKind.REQUEST,
        "Mijn heg snoeien",
        "Mijn heg snoeien",
    )
    assert listing.category.slug == "tuin"
    assert listing.starts_on == today
    assert listing.when in (When.WINDOW, When.DATE)
    assert (profile.contact_way, profile.phone, profile.show_phone) == ("phone", "023-1234567", False)
    assert "Uw vraag staat op de Wijkmarkt" in page_of(client.get(done["Location"]))


def test_back_keeps_every_answer(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    tuin = str(category("tuin").pk)
    answers = {"category": tuin, "title": "Heg", "details": "Aan de voorkant", "moment": "flexible"}

    back_to_2 = page_of(client.post("/hulp-vragen/", {**answers, "step": "3", "back": "1"}))
    back_to_1 = page_of(client.post("/hulp-vragen/", {**answers, "step": "2", "back": "1"}))

    assert "Stap 2 van 3" in back_to_2
    assert 'value="flexible" id="id_moment_2" checked' in back_to_2 or 'value="flexible"' in back_to_2
    assert "Stap 1 van 3" in back_to_1
    assert f'value="{tuin}" id="soort_{tuin}" checked' in back_to_1
    assert 'value="Heg"' in back_to_1 and "Aan de voorkant</textarea>" in back_to_1


def test_each_step_asks_again_with_the_error_next_to_the_question(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    tuin = str(category("tuin").pk)

    no_category = page_of(client.post("/hulp-vragen/", {"step": "1", "title": "Heg"}))
    no_moment = page_of(client.post("/hulp-vragen/", {"step": "2", "category": tuin, "title": "Heg"}))
    no_date = page_of(client.post("/hulp-vragen/", {"step": "2", "category": tuin, "title": "Heg", "moment": "date"}))

    assert "Stap 1 van 3" in no_category and "Kies waar u hulp bij nodig heeft." in no_category
    assert 'value="Heg"' in no_category
    assert "Stap 2 van 3" in no_moment and "Kies wanneer u hulp nodig heeft." in no_moment
    assert 'id="id_on_date_error"' in no_date
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 0


def test_an_error_found_at_the_end_sends_you_back_to_the_step_that_asked(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    answers = {
        "category": str(category("tuin").pk),
        "title": "H" * 150,
        "moment": "date",
        "on_date": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
        "contact_way": "site",
    }

    page = page_of(client.post("/hulp-vragen/", {**answers, "step": "3"}))

    assert "Stap 1 van 3" in page
    assert "Dit is te lang: maximaal 100 tekens, u typte er 150." in page
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 0
        assert not Profile.objects.filter(member=people["anna"]).exists()  # nothing written: not even the contact way


def test_a_chosen_date_is_used(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    answers = {
        "category": str(category("boodschappen").pk),
        "title": "Boodschappen",
        "moment": "date",
        "on_date": tomorrow().strftime("%d-%m-%Y"),
        "contact_way": "makelaar",
    }

    assert client.post("/hulp-vragen/", {**answers, "step": "3"}).status_code == 302
    with tenant_context(in_parkwijk):
        listing = Listing.objects.get()
    assert (listing.when, listing.starts_on) == (When.DATE, tomorrow())


def test_makelaar_asks_for_help_for_a_member_in_three_steps(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["anna"])
    client = client_for("parkwijk", people["fatima"].user)
    answers = {
        "category": str(category("meegaan").pk),
        "title": "Mee naar het ziekenhuis",
        "moment": "flexible",
        "contact_way": "makelaar",
        "on_behalf_of": str(people["anna"].pk),
    }

    step3 = page_of(client.post("/hulp-vragen/", {**answers, "step": "2"}))
    done = client.post("/hulp-vragen/", {**answers, "step": "3"})

    assert "Voor wie vraagt u hulp?" in step3
    assert done.status_code == 302
    with tenant_context(in_parkwijk):
        listing = Listing.objects.get()
        assert (listing.owner, listing.placed_as) == (people["anna"], PlacedAs.MAKELAAR)
        assert Profile.objects.get(member=people["anna"]).contact_way == "makelaar"
