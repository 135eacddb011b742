"""The profile page (offers, availability grid, contact, privacy, notification choices), a neighbour's profile as
others see it, and the notifications page."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, post
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.models import Notification, Profile


def page_of(response) -> str:
    return response.content.decode()


def test_member_fills_in_the_profile_with_availability_and_notification_choices(in_parkwijk, people, streets):
    client = client_for("parkwijk", people["anna"].user)

    form = page_of(client.get("/profiel/"))
    saved = client.post(
        "/profiel/",
        {
            "offers": "Ik kan goed koken.",
            "talents": "koken, breien",
            "languages": "Nederlands, Turks",
            "available": ["tue_morning", "sat_afternoon"],
            "contact_way": "phone",
            "street": streets["zomer"].pk,
            "house_number": "12",
            "phone": "0612345678",
            "show_phone": "on",
            "notify_site": ["response", "match"],
            "notify_email": ["response"],
        },
    )

    assert "<legend>Wanneer kunt u meestal?</legend>" in form
    assert '<th scope="row">Dinsdag</th>' in form
    assert 'class="visually-hidden">dinsdag ochtend</label>' in form
    assert saved.status_code == 302
    with tenant_context(in_parkwijk):
        profile = Profile.objects.get(member=people["anna"])
    assert profile.talents == ["koken", "breien"]
    assert profile.available == ["sat_afternoon", "tue_morning"]
    assert (profile.show_phone, profile.show_house_number, profile.show_email) == (True, False, False)
    assert profile.notify_email == ["response"]
    assert 'value="tue_morning" id="beschikbaar_tue_morning" checked' in page_of(client.get("/profiel/"))


def test_profile_errors_are_shown_next_to_the_field_keeping_input(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)

    response = client.post("/profiel/", {"offers": "Koken", "phone": "0" * 30, "contact_way": "site"})

    page = page_of(response)
    assert 'id="id_phone_error"' in page
    assert "Dit is te lang: maximaal 20 tekens" in page
    assert "Koken</textarea>" in page
    with tenant_context(in_parkwijk):
        assert not Profile.objects.filter(member=people["anna"]).exists()


def test_neighbours_see_first_name_street_and_texts_but_private_details_only_when_shown(in_parkwijk, people, streets):
    anna = people["anna"]
    client_for("parkwijk", anna.user).post(
        "/profiel/",
        {
            "offers": "Ik wandel graag.",
            "street": streets["zomer"].pk,
            "house_number": "12a",
            "phone": "0611111111",
            "contact_way": "site",
        },
    )
    post(in_parkwijk, anna, title="Mijn vraag")

    page = page_of(client_for("parkwijk", people["bram"].user).get(f"/profiel/{anna.pk}/"))

    assert "<h1>Anna</h1>" in page and "Zomerkade" in page and "Ik wandel graag." in page and "Mijn vraag" in page
    for secret in ("12a", "0611111111", anna.user.email):
        assert secret not in page


def test_notifications_are_listed_and_marked_read(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    respond_to_listing(actor=actor_of(people["bram"]), member=people["bram"], listing=listing, message="Hoi")
    client = client_for("parkwijk", people["anna"].user)

    home = page_of(client.get("/"))
    listed = page_of(client.get("/meldingen/"))
    marked = client.post("/meldingen/")

    notifications_link = '<a href="/meldingen/">Meldingen <span class="count">(1 nieuw)</span>'
    assert notifications_link in home
    assert '<a href="/berichten/">Berichten <span class="count">(1 nieuw)</span>' in home  # Bram's first message
    assert "Bram reageerde op" in listed and 'href="/afspraken/' in listed
    assert marked.status_code == 302
    with tenant_context(in_parkwijk):
        assert not Notification.objects.filter(member=people["anna"], read_at__isnull=True).exists()
    assert notifications_link not in page_of(client.get("/"))


def test_a_member_blocks_and_unblocks_a_neighbour_from_their_profile(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    bram = people["bram"]

    blocked = client.post(f"/profiel/{bram.pk}/blokkeren/")
    listed = page_of(client.get("/profiel/"))
    client.post(f"/profiel/{bram.pk}/blokkeren/", {"undo": "1"})

    assert blocked.status_code == 302
    assert "Geblokkeerde buren" in listed and "Bram" in listed
    assert "Geblokkeerde buren" not in page_of(client.get("/profiel/"))
