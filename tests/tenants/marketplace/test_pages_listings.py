"""The listing pages: placing with errors next to the fields, browsing and searching, responding, acting for
someone else (makelaar, proxy), managing one's own listing, privacy of the owner's details."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import actor_of, category, consents_to_makelaar, post, tomorrow
from tests.builders.members import make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.tenants.marketplace.actions.categories import retire_category
from wijkmarkt.tenants.marketplace.actions.profiles import ProfileInput, update_profile
from wijkmarkt.tenants.marketplace.models import Exchange, Listing, ListingStatus, Street
from wijkmarkt.tenants.membership.models import PlacedAs


def page_of(response) -> str:
    return response.content.decode()


def form_data(**overrides) -> dict:
    values = {
        "kind": "request",
        "title": "Wie helpt met boodschappen?",
        "description": "Ik kan zelf niet goed lopen.",
        "category": str(category("boodschappen").pk),
        "when": "flexible",
        "visibility": "wijk",
    }
    return {**values, **overrides}


def test_empty_form_shows_every_error_next_to_its_field_and_writes_nothing(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)

    response = client.post("/vraag-en-aanbod/nieuw/", form_data(title="", description="", category=""))

    page = page_of(response)
    assert response.status_code == 200
    assert "Er ging iets mis" in page
    assert 'id="id_title_error"' in page and 'id="id_description_error"' in page
    assert "Vul dit veld in." in page
    assert 'id="id_category_error"' in page
    assert "Kies een soort hulp uit de lijst." in page
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 0


def test_over_long_title_and_past_date_are_refused_keeping_what_was_typed(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        "/vraag-en-aanbod/nieuw/",
        form_data(
            title="Boodschappen " + "x" * 100,
            description="Melk en brood, graag.",
            when="date",
            starts_on=yesterday.isoformat(),
        ),
    )

    page = page_of(response)
    assert "Dit is te lang: maximaal 100 tekens, u typte er 113." in page
    assert "Deze datum is al voorbij. Kies vandaag of later." in page
    assert 'id="id_starts_on_error"' in page
    assert f'value="{yesterday.isoformat()}"' in page
    assert "Melk en brood, graag." in page
    assert 'value="date" id="id_when_0" checked' in page or "checked" in page.split('id="id_when"')[1][:600]
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 0


def test_dutch_date_is_understood_and_a_bad_one_gets_a_dutch_message(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    day = tomorrow()

    bad = client.post("/vraag-en-aanbod/nieuw/", form_data(when="date", starts_on="31-02-2027"))
    good = client.post("/vraag-en-aanbod/nieuw/", form_data(when="date", starts_on=day.strftime("%d-%m-%Y")))

    assert "Vul een datum in zoals 14-3-2027." in page_of(bad)
    assert good.status_code == 302
    with tenant_context(in_parkwijk):
        assert Listing.objects.get().starts_on == day


def test_retired_category_is_refused_with_its_own_message(in_parkwijk, people):
    admin = make_member(in_parkwijk, "Marleen", role="wijk_admin")
    old = category("huisdieren")
    retire_category(actor=actor_of(admin), category=old)
    client = client_for("parkwijk", people["anna"].user)

    form = page_of(client.get("/vraag-en-aanbod/nieuw/"))
    response = client.post("/vraag-en-aanbod/nieuw/", form_data(category=str(old.pk)))

    assert f'value="{old.pk}"' not in form
    assert "Deze soort hulp wordt niet meer gebruikt. Kies een andere." in page_of(response)
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 0


def test_control_characters_are_refused_and_html_is_shown_as_text(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)

    refused = client.post("/vraag-en-aanbod/nieuw/", form_data(title="Hulp\x07 gezocht"))
    placed = client.post("/vraag-en-aanbod/nieuw/", form_data(title="<script>alert(1)</script> hulp"))

    assert "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw." in page_of(refused)
    assert placed.status_code == 302
    detail = page_of(client.get(placed["Location"]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; hulp" in detail
    assert "<script>alert(1)</script>" not in detail


def test_responding_to_own_listing_and_responding_twice_are_refused_with_a_message(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    as_anna, as_bram = client_for("parkwijk", people["anna"].user), client_for("parkwijk", people["bram"].user)
    url = f"/vraag-en-aanbod/{listing.pk}/reageren/"

    own = as_anna.post(url, {"message": "Ik help mezelf"})
    first = as_bram.post(url, {"message": "Ik help graag"})
    second = as_bram.post(url, {"message": "Nog een keer"})

    assert "Dit is uw eigen vraag of aanbod." in page_of(own)
    assert first.status_code == 302
    assert "U heeft al gereageerd. Kijk bij uw afspraken." in page_of(second)
    assert "Nog een keer</textarea>" in page_of(second)
    with tenant_context(in_parkwijk):
        assert Exchange.objects.count() == 1


def test_empty_response_shows_the_error_next_to_the_message(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])

    response = client_for("parkwijk", people["bram"].user).post(
        f"/vraag-en-aanbod/{listing.pk}/reageren/", {"message": "  "}
    )

    assert 'id="id_message_error"' in page_of(response)
    with tenant_context(in_parkwijk):
        assert Exchange.objects.count() == 0


def test_an_offer_says_dit_wil_ik_graag_and_a_request_ik_kan_helpen(in_parkwijk, people):
    offer = post(in_parkwijk, people["anna"], kind="offer", title="Ik repareer fietsen")
    request = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["bram"].user)

    assert "Dit wil ik graag" in page_of(client.get(f"/vraag-en-aanbod/{offer.pk}/"))
    assert "Ik kan helpen" in page_of(client.get(f"/vraag-en-aanbod/{request.pk}/"))


def test_makelaar_places_a_listing_for_a_member_who_stays_its_owner(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["anna"])
    anna, fatima = people["anna"], people["fatima"]
    client = client_for("parkwijk", fatima.user)

    form = page_of(client.get("/vraag-en-aanbod/nieuw/"))
    response = client.post("/vraag-en-aanbod/nieuw/", form_data(on_behalf_of=str(anna.pk)))

    assert "Voor wie plaatst u dit?" in form
    assert response.status_code == 302
    with tenant_context(in_parkwijk):
        listing = Listing.objects.get()
        assert listing.owner == anna
        assert listing.placed_as == PlacedAs.MAKELAAR
    browse = page_of(client_for("parkwijk", people["bram"].user).get("/vraag-en-aanbod/"))
    assert "Geplaatst voor Anna door de sociaal makelaar" in browse


def test_makelaar_responds_for_a_member(in_parkwijk, people):
    consents_to_makelaar(people["fatima"], people["cor"])
    listing = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["fatima"].user)

    response = client.post(
        f"/vraag-en-aanbod/{listing.pk}/reageren/",
        {"on_behalf_of": str(people["cor"].pk), "message": "Cor helpt graag."},
    )

    assert response.status_code == 302
    with tenant_context(in_parkwijk):
        exchange = Exchange.objects.get()
        assert exchange.helper == people["cor"]
        assert exchange.via == "makelaar"


def test_relative_registered_as_proxy_places_and_responds_for_the_member(in_parkwijk, people):
    anna = people["anna"]
    daughter = create_account(email="dochter@example.nl", first_name="Sara", password="een-lang-wachtwoord-1")
    registered = client_for("parkwijk", anna.user).post(
        "/profiel/gemachtigden/", {"proxy_email": "dochter@example.nl", "relation": "dochter", "consent": "on"}
    )
    assert registered.status_code == 302
    as_sara = client_for("parkwijk", daughter)
    other = post(in_parkwijk, people["bram"], kind="offer", title="Soep voor wie wil")

    placed = as_sara.post("/vraag-en-aanbod/nieuw/", form_data(title="Gordijnen ophangen"))
    responded = as_sara.post(f"/vraag-en-aanbod/{other.pk}/reageren/", {"message": "Mijn moeder wil graag soep."})

    assert placed.status_code == 302
    assert responded.status_code == 302
    with tenant_context(in_parkwijk):
        listing = Listing.objects.get(title="Gordijnen ophangen")
        assert (listing.owner, listing.placed_as) == (anna, PlacedAs.PROXY)
        assert Exchange.objects.get().receiver == anna
    assert "Geplaatst voor Anna door een familielid" in page_of(as_sara.get(placed["Location"]))


def test_proxy_registration_errors_are_shown_next_to_the_field(in_parkwijk, people):
    response = client_for("parkwijk", people["anna"].user).post(
        "/profiel/gemachtigden/", {"proxy_email": "niemand@example.nl", "relation": "neef", "consent": "on"}
    )

    assert 'id="id_proxy_email_error"' in page_of(response)
    assert "Dit adres kunnen we niet toevoegen." in page_of(response)


def test_owner_edits_withdraws_and_renews_in_one_click(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["anna"].user)
    url = f"/vraag-en-aanbod/{listing.pk}/"

    edit_form = page_of(client.get(url + "wijzigen/"))
    edited = client.post(url + "wijzigen/", form_data(title="Nieuwe titel"))
    withdrawn = client.post(url + "intrekken/")
    with tenant_context(in_parkwijk):
        Listing.objects.filter(pk=listing.pk).update(status=ListingStatus.EXPIRED)
    renewed = client.post(url + "verlengen/")

    assert "Hulp met mijn nieuwe tablet" in edit_form
    assert edited.status_code == withdrawn.status_code == renewed.status_code == 302
    with tenant_context(in_parkwijk):
        listing.refresh_from_db()
        assert listing.title == "Nieuwe titel"
        assert listing.status == ListingStatus.OPEN
        assert listing.expires_at > timezone.now() + dt.timedelta(days=in_parkwijk.listing_expiry_days - 1)


def test_other_members_see_no_manage_buttons_and_cannot_edit(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["bram"].user)

    detail = page_of(client.get(f"/vraag-en-aanbod/{listing.pk}/"))
    edit = client.post(f"/vraag-en-aanbod/{listing.pk}/wijzigen/", form_data(title="Gekaapt"))

    assert "Wijzigen" not in detail
    assert edit.status_code == 403
    with tenant_context(in_parkwijk):
        listing.refresh_from_db()
        assert listing.title != "Gekaapt"


def test_owner_sees_match_suggestions_with_why(in_parkwijk, people, streets):
    post(in_parkwijk, people["bram"], kind="offer", title="Computerhulp aan huis")
    listing = post(in_parkwijk, people["anna"], street_id=streets["zomer"].pk)

    page = page_of(client_for("parkwijk", people["anna"].user).get(f"/vraag-en-aanbod/{listing.pk}/"))

    assert "Buren die misschien kunnen helpen" in page
    assert "biedt computer" in page


def test_house_number_phone_and_email_only_when_the_owner_allows(in_parkwijk, people, streets):
    anna = people["anna"]
    listing = post(in_parkwijk, anna)
    private = ProfileInput(street_id=streets["zomer"].pk, house_number="12a", phone="0612345678")
    update_profile(actor=actor_of(anna), member=anna, data=private)
    client = client_for("parkwijk", people["bram"].user)

    hidden = page_of(client.get(f"/vraag-en-aanbod/{listing.pk}/"))
    update_profile(
        actor=actor_of(anna),
        member=anna,
        data=ProfileInput(
            street_id=streets["zomer"].pk,
            house_number="12a",
            phone="0612345678",
            show_house_number=True,
            show_phone=True,
            show_email=True,
        ),
    )
    shown = page_of(client.get(f"/vraag-en-aanbod/{listing.pk}/"))

    assert "Zomerkade" in hidden
    for secret in ("12a", "0612345678", anna.user.email):
        assert secret not in hidden
        assert secret in shown


def test_browse_filters_by_kind_and_category_and_pages_keep_the_filters(in_parkwijk, people):
    for n in range(23):
        post(in_parkwijk, people["anna"], title=f"Computervraag {n}")
    post(in_parkwijk, people["anna"], kind="offer", title="Ik bied computerhulp")
    post(in_parkwijk, people["bram"], title="Heg snoeien", category_id=category("tuin").pk)
    client = client_for("parkwijk", people["bram"].user)
    computer = category("computer").pk

    first = page_of(client.get("/vraag-en-aanbod/", {"kind": "request", "category": computer}))
    second = page_of(client.get("/vraag-en-aanbod/", {"kind": "request", "category": computer, "pagina": 2}))

    assert "23 vragen en aanbiedingen gevonden" in first
    assert first.count('class="card listing-card"') == 20
    assert second.count('class="card listing-card"') == 3
    assert f"?kind=request&amp;category={computer}&amp;pagina=2" in first
    assert "Ik bied computerhulp" not in first + second
    assert "Heg snoeien" not in first + second


def test_near_my_street_defaults_to_my_profile_street_and_keeps_listings_without_a_street(in_parkwijk, people, streets):
    bram = people["bram"]
    update_profile(actor=actor_of(bram), member=bram, data=ProfileInput(street_id=streets["zomer"].pk))
    post(in_parkwijk, people["anna"], title="Dichtbij", street_id=streets["zomer"].pk)
    post(in_parkwijk, people["anna"], title="Verder weg", street_id=streets["ver"].pk)
    post(in_parkwijk, people["anna"], title="Zonder straat")
    client = client_for("parkwijk", bram.user)

    default = page_of(client.get("/vraag-en-aanbod/"))
    nearby = page_of(client.get("/vraag-en-aanbod/", {"near_street": streets["zomer"].pk, "within_m": 500}))
    nearest = page_of(client.get("/vraag-en-aanbod/", {"near_street": streets["zomer"].pk, "sort": "near"}))

    assert f'<option value="{streets["zomer"].pk}" selected>Zomerkade</option>' in default
    assert "Zonder straat" in default and "0 m van u" in default
    assert "Dichtbij" in nearby and "Verder weg" not in nearby and "Zonder straat" not in nearby
    assert nearest.index("Dichtbij") < nearest.index("Verder weg") < nearest.index("Zonder straat")


def test_browse_page_needs_the_same_number_of_queries_for_5_and_20_listings(in_parkwijk, people, streets):
    client = client_for("parkwijk", people["bram"].user)

    def queries_for(count: int) -> CaptureQueriesContext:
        with tenant_context(in_parkwijk):
            Listing.objects.all().delete()
            for n in range(count):
                post(in_parkwijk, people["anna"], title=f"Vraag {n}", street_id=streets["zomer"].pk)
        client.get("/vraag-en-aanbod/")  # warms the host cache, as every request after a wijk's first one finds it
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/vraag-en-aanbod/").status_code == 200
        return captured

    few, many = queries_for(5), queries_for(20)

    sql = "\n".join(q["sql"] for q in many.captured_queries)

    # SET search_path depends on what the connection did before (TENANT_LIMIT_SET_CALLS): count real queries.
    def real(captured):
        return [q for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]

    assert len(real(few)) == len(real(many)), sql


def test_non_members_get_the_members_only_page(in_parkwijk, people, centrum):
    listing = post(in_parkwijk, people["anna"])
    carla = make_member(centrum, "Carla")

    for client in (client_for("parkwijk"), client_for("parkwijk", carla.user)):
        for url in ("/vraag-en-aanbod/", f"/vraag-en-aanbod/{listing.pk}/", "/hulp-vragen/", "/afspraken/"):
            response = client.get(url)
            assert response.status_code == 403, url
            assert "Deze pagina is alleen voor leden van de wijk" in page_of(response)
            assert listing.title not in page_of(response)


def test_streets_of_the_wijk_are_offered_in_the_form(in_parkwijk, people, streets):
    page = page_of(client_for("parkwijk", people["anna"].user).get("/vraag-en-aanbod/nieuw/"))

    assert "Zomerkade" in page and "Verre Weg" in page
    with tenant_context(in_parkwijk):
        assert Street.objects.count() == 2


def test_after_responding_the_page_links_to_the_exchange_instead_of_a_second_form(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    client = client_for("parkwijk", people["bram"].user)
    exchange_url = client.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"message": "Ik help"})["Location"]

    page = page_of(client.get(f"/vraag-en-aanbod/{listing.pk}/"))

    assert f'href="{exchange_url}"' in page
    assert 'name="message"' not in page


def test_a_paused_wijk_can_be_read_but_takes_nothing_new(in_parkwijk, people):
    listing = post(in_parkwijk, people["anna"])
    in_parkwijk.status = "paused"
    in_parkwijk.save(update_fields=["status"])
    client = client_for("parkwijk", people["bram"].user)

    read = client.get(f"/vraag-en-aanbod/{listing.pk}/")
    placed = client.post("/vraag-en-aanbod/nieuw/", form_data())
    responded = client.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"message": "Hoi"})

    assert read.status_code == 200 and 'name="message"' not in page_of(read)
    for response in (placed, responded):
        assert response.status_code == 403
        assert "De Wijkmarkt is gepauzeerd" in page_of(response)
    with tenant_context(in_parkwijk):
        assert Listing.objects.count() == 1
        assert Exchange.objects.count() == 0
