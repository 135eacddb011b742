"""The makelaar's pages without JavaScript: registering an offline resident, acting for them, the worklist, a case
with its hand-over, signals from report to close; bad input next to the field with what was typed kept; every role
and wijk boundary tried by page; every read of a case or signal by someone else in the access log."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.makelaar import case_for_member, register_oma, signal_by
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.partners.models import ContactPerson, Partner
from wijkmarkt.tenants.makelaar.models import Case, HandOver, Signal
from wijkmarkt.tenants.marketplace.actions.exchanges import respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Listing
from wijkmarkt.tenants.membership.actions.consent import record_consent
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import ActingFor, Membership
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry


def text(response) -> str:
    return response.content.decode()


def test_makelaar_registers_an_offline_resident_and_places_a_request_for_them(in_parkwijk, people):
    client = client_for("parkwijk", people["fatima"].user)
    assert "Een bewoner inschrijven" in text(client.get("/makelaar/bewoners/nieuw/"))
    response = client.post(
        "/makelaar/bewoners/nieuw/",
        {
            "first_name": "Truus",
            "last_name": "de Vries",
            "street": "Zomerkade",
            "phone": "023 531 00 00",
            "reach": "Bellen na tienen",
            "consent_given": "on",
            "act_for_consent": "on",
            "consent_note": "Mondeling",
        },
    )
    truus = Membership.objects.get(user__first_name="Truus")
    assert response.status_code == 302 and response.url == f"/makelaar/bewoners/{truus.pk}/"
    page = text(client.get(response.url))
    assert "Truus de Vries" in page and "Bellen na tienen" in page and "Deze bewoner logt niet zelf in." in page
    assert "schreef u in bij de Wijkmarkt" in page

    category = Category.objects.order_by("position").first()
    posted = client.post(
        "/vraag-en-aanbod/nieuw/",
        {
            "on_behalf_of": truus.pk,
            "kind": "request",
            "title": "Boodschappen op dinsdag",
            "description": "Truus zoekt iemand voor de boodschappen.",
            "category": category.pk,
            "when": "flexible",
            "visibility": "wijk",
        },
    )
    listing = Listing.objects.get(title="Boodschappen op dinsdag")
    assert posted.status_code == 302 and listing.owner == truus and listing.placed_as == "makelaar"
    page = text(client.get(f"/makelaar/bewoners/{truus.pk}/"))
    assert "plaatste een vraag of aanbod" in page and f"/vraag-en-aanbod/{listing.pk}/" in page


def test_bad_registration_is_shown_next_to_the_fields_keeps_what_was_typed_and_writes_nothing(in_parkwijk, people):
    client = client_for("parkwijk", people["fatima"].user)
    before = Membership.objects.count()
    response = client.post(
        "/makelaar/bewoners/nieuw/", {"first_name": "<b>Truus</b>", "street": "Zomer\x07kade", "phone": "1" * 40}
    )
    page = text(response)
    assert response.status_code == 400
    assert "Vraag eerst of de bewoner het goed vindt dat u hem of haar inschrijft, en vink dat aan." in page
    assert "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw." in page
    assert "Dit is te lang: maximaal 30 tekens, u typte er 40." in page
    assert "&lt;b&gt;Truus&lt;/b&gt;" in page and "<b>Truus</b>" not in page
    assert Membership.objects.count() == before


def test_residents_and_other_roles_never_see_the_makelaars_pages(in_parkwijk, people):
    case = case_for_member(people["fatima"], people["anna"])
    signal = signal_by(people["bram"])
    for name in ("anna", "bram", "joost", "henk"):
        client = client_for("parkwijk", people[name].user)
        for url in (
            "/makelaar/",
            "/makelaar/bewoners/nieuw/",
            f"/makelaar/dossiers/{case.pk}/",
            "/makelaar/signalen/",
            f"/makelaar/signalen/{signal.pk}/",
            f"/makelaar/bewoners/{people['anna'].pk}/",
        ):
            response = client.get(url)
            assert response.status_code == 403, (name, url)
            assert "De gordijnen blijven dicht." not in text(response)
        refused = client.post(f"/makelaar/signalen/{signal.pk}/afsluiten/", {"outcome": "Klaar"})
        assert refused.status_code == 403
    assert Signal.objects.get().status == "received"
    assert not AccessLogEntry.objects.exists()


def test_worklist_puts_overdue_first_filters_and_fits_a_day(in_parkwijk, people):
    today = timezone.localdate()
    truus = register_oma(in_parkwijk, people["fatima"])
    case_for_member(people["fatima"], people["bram"], follow_up_on=today + dt.timedelta(days=3))
    case_for_member(people["fatima"], truus, follow_up_on=today - dt.timedelta(days=2))
    case_for_member(people["fatima"], people["anna"])
    client = client_for("parkwijk", people["fatima"].user)
    page = text(client.get("/makelaar/"))
    assert page.index("Truus") < page.index("Bram") < page.index("Anna")
    assert "Te laat" in page and "3 dossiers" in page
    overdue = text(client.get("/makelaar/", {"due": "overdue"}))
    assert "Truus" in overdue and "Bram" not in overdue and "1 dossier" in overdue
    bad = client.get("/makelaar/", {"due": "gisteren", "status": "<x>"})
    assert bad.status_code == 200 and "Selecteer een geldige keuze" in text(bad)


def test_a_case_is_opened_read_with_a_log_entry_handed_over_and_closed(in_parkwijk, people):
    partner = Partner.objects.create(slug="mee", name="MEE Kennemerland", kind="care")
    els = ContactPerson.objects.create(partner=partner, name="Els Bakker", role="Consulent", phone="023 000 11 22")
    client = client_for("parkwijk", people["fatima"].user)
    anna = people["anna"]
    response = client.post(
        f"/makelaar/bewoners/{anna.pk}/dossier/",
        {
            "question": "Anna krijgt haar post niet meer gelezen.",
            "agreements": "Bram helpt voorlopig.",
            "follow_up_on": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == f"/makelaar/dossiers/{case.pk}/"
    page = text(client.get(response.url))
    assert "Anna krijgt haar post niet meer gelezen." in page and "Els Bakker, MEE Kennemerland (Consulent)" in page
    entry = AccessLogEntry.objects.get()
    assert (entry.reader, entry.subject, entry.what, entry.object_id, entry.via) == (
        people["fatima"].user,
        anna,
        "case",
        case.pk,
        "page",
    )

    refused = client.post(f"/makelaar/dossiers/{case.pk}/overdragen/", {"contact": els.pk, "passed_on": "De post"})
    assert refused.status_code == 400 and not HandOver.objects.exists()
    assert "Vraag eerst of de bewoner het goed vindt dat u dit doorgeeft" in text(refused)
    handed = client.post(
        f"/makelaar/dossiers/{case.pk}/overdragen/",
        {"contact": els.pk, "passed_on": "Hulp bij de post.", "consent_given": "on", "consent_note": "Mondeling"},
    )
    hand_over = HandOver.objects.get()
    assert handed.status_code == 302 and hand_over.contact == els and hand_over.organisation == "MEE Kennemerland"
    assert Case.objects.get().status == "waiting"
    client.post(f"/makelaar/overdrachten/{hand_over.pk}/uitkomst/", {f"uitkomst-{hand_over.pk}-outcome": "Els komt"})
    assert HandOver.objects.get().status == "done"
    client.post(f"/makelaar/dossiers/{case.pk}/afsluiten/", {"afsluiten-outcome": "Opgelost"})
    assert Case.objects.get().status == "closed"


def test_a_resident_sees_their_own_case_summary_and_a_proxy_read_is_logged(in_parkwijk, people):
    anna = people["anna"]
    case = case_for_member(people["fatima"], anna, agreements="Bram belt op maandag.")
    own = text(client_for("parkwijk", anna.user).get("/mijn-dossier/"))
    assert "Wie helpt met boodschappen?" in own and "Bram belt op maandag." in own
    assert not AccessLogEntry.objects.exists()  # the resident reading their own case is not logged
    other = text(client_for("parkwijk", people["bram"].user).get("/mijn-dossier/"))
    assert "Wie helpt met boodschappen?" not in other and "Er is geen dossier." in other

    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)
    register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email="carla@example.nl", relation="dochter")
    as_proxy = text(client_for("parkwijk", carla).get("/mijn-dossier/"))
    assert "Wie helpt met boodschappen?" in as_proxy
    entry = AccessLogEntry.objects.get()
    assert (entry.reader, entry.subject, entry.what, entry.object_id) == (carla, anna, "case", case.pk)


def test_members_report_a_worry_and_see_only_that_it_arrived_and_was_handled(in_parkwijk, people):
    client = client_for("parkwijk", people["joost"].user)
    response = client.post("/zorg-melden/", {"about": "Meneer Jansen, Zomerkade", "worry": "Hij eet niet meer."})
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert "ontvangen" in text(client.get("/zorg-melden/"))
    makelaar = client_for("parkwijk", people["fatima"].user)
    assert "Meneer Jansen, Zomerkade" in text(makelaar.get("/makelaar/signalen/"))
    assert "Hij eet niet meer." in text(makelaar.get(f"/makelaar/signalen/{signal.pk}/"))
    makelaar.post(f"/makelaar/signalen/{signal.pk}/oppakken/", {"follow_up": "Ik bel aan."})
    makelaar.post(f"/makelaar/signalen/{signal.pk}/afsluiten/", {"outcome": "Huisarts ingeschakeld."})
    receipt = text(client.get("/zorg-melden/"))
    assert "afgehandeld" in receipt and "Huisarts ingeschakeld." not in receipt and "Hij eet niet meer." not in receipt
    reads = AccessLogEntry.objects.filter(what="signal", object_id=signal.pk)
    assert reads.count() >= 2 and set(reads.values_list("reader", flat=True)) == {people["fatima"].user.pk}


def test_bad_signal_input_is_shown_and_writes_nothing(in_parkwijk, people):
    client = client_for("parkwijk", people["anna"].user)
    response = client.post("/zorg-melden/", {"about": "", "worry": "x" * 2500})
    assert response.status_code == 400
    assert "Vul dit veld in." in text(response) and "Dit is te lang: maximaal 2000 tekens, u typte er 2500." in text(
        response
    )
    assert not Signal.objects.exists()


def test_a_parkwijk_makelaar_never_reaches_a_centrum_case_or_signal(parkwijk, centrum):
    fatima = make_member(parkwijk, "Fatima", role=Role.MAKELAAR)
    with tenant_context(centrum):
        centrum_makelaar = make_member(centrum, "Cees", role=Role.MAKELAAR)
        carla = make_member(centrum, "Carla")
        case = case_for_member(centrum_makelaar, carla, question="Geheime vraag uit Centrum")
        signal = signal_by(carla, worry="Geheime zorg uit Centrum")
    for slug in ("parkwijk", "centrum"):
        client = client_for(slug, fatima.user)
        for url in (
            f"/makelaar/dossiers/{case.pk}/",
            f"/makelaar/signalen/{signal.pk}/",
            "/makelaar/signalen/",
            "/makelaar/",
            "/vraag-en-aanbod/?q=Geheime",
        ):
            assert "Geheime" not in text(client.get(url)).replace("q=Geheime", "").replace('value="Geheime"', "")
    with tenant_context(centrum):
        assert not AccessLogEntry.objects.exists()
        assert Signal.objects.get().status == "received"


def test_what_the_makelaar_did_shows_on_the_residents_own_page(in_parkwijk, people):
    anna = people["anna"]
    record_consent(actor=actor_for(anna.user), member=anna, topic="act_for")  # her own say-so: not in the log
    category = Category.objects.order_by("position").first()
    data = ListingInput(kind="request", title="Hulp met de tuin", description="Wie helpt?", category_id=category.pk)
    publish_listing(actor=actor_for(people["fatima"].user), wijk=in_parkwijk, owner=anna, data=data)
    page = text(client_for("parkwijk", anna.user).get("/mijn-dossier/"))
    assert "Wat er namens u is gedaan" in page and "plaatste een vraag of aanbod" in page
    assert "Fatima (door de sociaal makelaar)" in page
    assert ActingFor.objects.get().member == anna


def test_a_resident_withdraws_their_own_consent_and_a_neighbour_cannot(in_parkwijk, people):
    anna = people["anna"]
    consent = record_consent(actor=actor_for(anna.user), member=anna, topic="share", note="Zelf")
    assert "Mijn vraag mag gedeeld worden met een partnerorganisatie" in text(
        client_for("parkwijk", anna.user).get("/mijn-dossier/")
    )
    refused = client_for("parkwijk", people["bram"].user).post(f"/toestemming/{consent.pk}/intrekken/")
    assert refused.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    response = client_for("parkwijk", anna.user).post(f"/toestemming/{consent.pk}/intrekken/")
    assert response.status_code == 302 and response.url == "/mijn-dossier/"
    consent.refresh_from_db()
    assert consent.withdrawn_by == anna.user


def test_makelaar_gives_an_offline_resident_a_login_later(
    in_parkwijk, people, mailoutbox, django_capture_on_commit_callbacks
):
    truus = register_oma(in_parkwijk, people["fatima"])
    client = client_for("parkwijk", people["fatima"].user)
    bad = client.post(f"/makelaar/bewoners/{truus.pk}/inloggen/", {"email": "truus at home"})
    assert bad.status_code == 400 and "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl." in text(bad)
    assert 'value="truus at home"' in text(bad)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/makelaar/bewoners/{truus.pk}/inloggen/", {"email": "truus@example.nl"})
    assert done.status_code == 302
    assert [message.to for message in mailoutbox] == [["truus@example.nl"]]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/account/nieuw-wachtwoord/" in line)
    path = link.split("localhost", 1)[1].lstrip(":0123456789")
    form = client_for("parkwijk").get(path, follow=True)
    assert form.status_code == 200 and "new_password1" in text(form)  # Django's own set-password form


def test_makelaar_finds_a_resident_by_name_or_street(in_parkwijk, people):
    register_oma(in_parkwijk, people["fatima"])
    client = client_for("parkwijk", people["fatima"].user)
    assert "Truus" in text(client.get("/makelaar/bewoners/"))
    found = text(client.get("/makelaar/bewoners/", {"q": "ann"}))
    assert "Anna" in found and "Truus" not in found


def test_bad_case_input_is_shown_next_to_the_fields_and_writes_nothing(in_parkwijk, people):
    client = client_for("parkwijk", people["fatima"].user)
    url = f"/makelaar/bewoners/{people['anna'].pk}/dossier/"
    response = client.post(url, {"question": "", "agreements": "<i>x</i>" * 600, "follow_up_on": "2205-01-01"})
    page = text(response)
    assert response.status_code == 400
    assert "Vul dit veld in." in page and "Dit is te lang: maximaal 4000 tekens, u typte er 4800." in page
    assert "Kies een datum tussen een jaar geleden en twee jaar vooruit." in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page and "<i>x</i>" not in page
    garbage = client.post(url, {"question": "Vraag", "follow_up_on": "morgen"})
    assert garbage.status_code == 400 and 'value="morgen"' in text(garbage)
    assert not Case.objects.exists()


def test_the_makelaar_sees_the_notifications_of_a_resident_who_is_not_online(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"])
    category = Category.objects.order_by("position").first()
    data = ListingInput(kind="request", title="Boodschappen", description="Wie helpt?", category_id=category.pk)
    listing = publish_listing(actor=actor_for(people["fatima"].user), wijk=in_parkwijk, owner=truus, data=data)
    respond_to_listing(actor=actor_for(people["bram"].user), member=people["bram"], listing=listing, message="Ik!")
    page = text(client_for("parkwijk", people["fatima"].user).get(f"/makelaar/bewoners/{truus.pk}/"))
    assert "Berichten voor deze bewoner" in page and "Bram reageerde op &#x27;Boodschappen&#x27;." in page


def test_the_makelaar_links_a_signal_to_the_resident_and_opens_a_case_from_it(in_parkwijk, people):
    signal = signal_by(people["bram"], about="De buurvrouw, Anna geloof ik")
    client = client_for("parkwijk", people["fatima"].user)
    found = text(client.get(f"/makelaar/signalen/{signal.pk}/", {"q": "Anna"}))
    assert "Dit gaat over Anna" in found
    response = client.post(f"/makelaar/signalen/{signal.pk}/bewoner/", {"bewoner": people["anna"].pk})
    assert response.status_code == 302
    assert Signal.objects.get().about_member == people["anna"]
    page = text(client.get(f"/makelaar/signalen/{signal.pk}/"))
    assert f"/makelaar/bewoners/{people['anna'].pk}/dossier/" in page
    last = AccessLogEntry.objects.filter(what="signal").order_by("-at", "-id").first()
    assert last.subject == people["anna"]  # later reads are on Anna's access log
    assert client.post(f"/makelaar/signalen/{signal.pk}/bewoner/", {"bewoner": "x"}).status_code == 404
    resident = client_for("parkwijk", people["anna"].user)
    assert resident.post(f"/makelaar/signalen/{signal.pk}/bewoner/", {"bewoner": people["bram"].pk}).status_code == 403


def test_worklist_page_query_count_does_not_grow_with_the_number_of_cases(in_parkwijk, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("parkwijk", people["fatima"].user)
    counts = []
    for total in (3, 30):
        while Case.objects.count() < total:
            case_for_member(people["fatima"], make_member(in_parkwijk, f"Bewoner{Case.objects.count()}"))
        client.get("/makelaar/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/makelaar/").status_code == 200
        real = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SET search_path")]
        counts.append((len(real), "\n".join(real)))
    assert counts[0][0] == counts[1][0], counts[1][1]
