"""The Wijzer by page, without JavaScript: one question per page with Volgende, Vorige and Opslaan en later
verder; a check of the answers; the outcome in the documents' order with the "why" of every suggestion, a
pre-filled neighbour request and the application to the municipality; bad input next to the question, nothing
written."""

import re

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import consents_to_makelaar
from tests.builders.wijzer import take_wijzer
from wijkmarkt.tenants.marketplace.models import Category
from wijkmarkt.tenants.membership.models import ActingFor
from wijkmarkt.tenants.wijzer.models import Application, Assessment


def text(response) -> str:
    return response.content.decode()


def test_resident_takes_the_wijzer_page_by_page_and_gets_explained_suggestions(parkwijk, wijzer_people):
    client = client_for("parkwijk", wijzer_people["anna"].user)
    assert "Begin de Wijzer" in text(client.get("/wijzer/"))
    started = client.post("/wijzer/beginnen/")
    with tenant_context(parkwijk):
        assessment = Assessment.objects.get()
    assert started.status_code == 302 and started.url == f"/wijzer/{assessment.pk}/vraag/taken/"

    first = text(client.get(started.url))
    assert "Vraag 1 van 4" in first and "<h1>Welke taken in huis zijn moeilijk voor u?</h1>" in first
    steps = [
        ("taken", ["boodschappen", "zwaar_huishouden"], "netwerk"),
        ("netwerk", ["niemand"], "zelf"),
        ("zelf", ["boodschappen"], "urgentie"),
    ]
    for key, values, following in steps:
        response = client.post(f"/wijzer/{assessment.pk}/vraag/{key}/", {"answer": values, "ga": "verder"})
        assert response.status_code == 302 and response.url == f"/wijzer/{assessment.pk}/vraag/{following}/"
    third = text(client.get(f"/wijzer/{assessment.pk}/vraag/zelf/"))
    assert "Dagelijkse boodschappen" in third and "Zwaar huishoudelijk werk" in third and "Warme maaltijd" not in third
    last = client.post(f"/wijzer/{assessment.pk}/vraag/urgentie/", {"answer": "nu", "ga": "verder"})
    assert last.url == f"/wijzer/{assessment.pk}/controleren/"
    check = text(client.get(last.url))
    assert "Kloppen uw antwoorden?" in check and "Niemand" in check and "Deze week" in check

    done = client.post(f"/wijzer/{assessment.pk}/controleren/")
    assert done.url == f"/wijzer/{assessment.pk}/uitkomst/"
    page = text(client.get(done.url))
    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    assert headings[:4] == [
        "Wat u zelf kunt doen",
        "Hulp in huis die bij u past",
        "Een aanvraag bij de gemeente",
        "Bel of kom langs",
    ]
    assert "Uw eigen netwerk" not in page  # nobody is around
    assert "Buren via de Wijkmarkt" not in page  # heavy housework is not asked of neighbours (default rule 7)
    assert "Boodschappen laten bezorgen" in page and "Zwaar werk verdelen" not in page
    assert "Waarom dit idee?" in page
    assert "U vindt dit moeilijk: dagelijkse boodschappen." in page
    assert "U zei dat u dit met een handigheidje nog zelf kunt." in page
    assert "Regel 1 van de Wijzer-regels van deze wijk, versie 1" in page
    # Shopping is solved by the resident's own strength: the municipality is asked only for heavy housework.
    assert "U vindt dit moeilijk: zwaar huishoudelijk werk." in page
    assert f'href="/wijzer/{assessment.pk}/aanvraag/"' in page


def test_save_and_resume_later_keeps_one_draft(parkwijk, wijzer_people):
    client = client_for("parkwijk", wijzer_people["anna"].user)
    first = client.post("/wijzer/beginnen/").url
    client.post(first, {"answer": ["licht_huishouden"], "ga": "verder"})
    saved = client.post(first.replace("taken", "netwerk"), {"answer": ["familie"], "ga": "later"}, follow=True)
    assert "Uw antwoorden zijn bewaard. U kunt later verder gaan waar u was." in text(saved)
    assert "Verder gaan" in text(saved)

    later = client_for("parkwijk", wijzer_people["anna"].user)  # another day, another browser
    resumed = later.post("/wijzer/beginnen/")
    assert resumed.url == first.replace("taken", "zelf")
    with tenant_context(parkwijk):
        draft = Assessment.objects.get()
    assert draft.answers == {"taken": ["licht_huishouden"], "netwerk": ["familie"]}


def test_back_is_always_possible_and_shows_what_was_chosen(parkwijk, wijzer_people):
    client = client_for("parkwijk", wijzer_people["anna"].user)
    first = client.post("/wijzer/beginnen/").url
    client.post(first, {"answer": ["was", "broodmaaltijd"], "ga": "verder"})
    second = first.replace("taken", "netwerk")
    back = client.post(second, {"ga": "terug"})  # nothing chosen: back anyway
    assert back.status_code == 302 and back.url == first
    page = text(client.get(first))
    assert re.search(r'value="was"[^>]*checked', page) and re.search(r'value="broodmaaltijd"[^>]*checked', page)
    # A wrong answer does not block going back, and is not kept.
    assert client.post(second, {"answer": ["niemand", "familie"], "ga": "terug"}).url == first
    with tenant_context(parkwijk):
        assert "netwerk" not in Assessment.objects.get().answers
    assert client.post(first, {"ga": "terug"}).url == "/wijzer/"


def test_bad_answers_get_a_dutch_error_next_to_the_question_and_write_nothing(parkwijk, wijzer_people):
    client = client_for("parkwijk", wijzer_people["anna"].user)
    first = client.post("/wijzer/beginnen/").url
    empty = client.post(first, {"ga": "verder"})
    assert empty.status_code == 400 and "Kies minstens één antwoord." in text(empty)
    assert 'class="error-message"' in text(empty)
    for bad in (["<script>alert(1)</script>"], ["boodschappen\x00"], ["x" * 5000]):
        response = client.post(first, {"answer": bad, "ga": "verder"})
        assert response.status_code == 400 and "Kies uit de antwoorden op deze pagina." in text(response)
        assert "<script>alert(1)</script>" not in text(response)
    client.post(first, {"answer": ["boodschappen"], "ga": "verder"})
    both = client.post(first.replace("taken", "netwerk"), {"answer": ["niemand", "buren"], "ga": "verder"})
    assert "U koos “Niemand” en ook iets anders. Kies één van beide." in text(both)
    urgent = client.get(first.replace("taken", "urgentie"))  # skipping ahead lands on the first open question
    assert urgent.status_code == 302 and urgent.url == first.replace("taken", "netwerk")
    with tenant_context(parkwijk):
        assert Assessment.objects.get().answers == {"taken": ["boodschappen"]}
    assert client.get(first.replace("taken", "onbekend")).status_code == 404


def test_neighbour_suggestion_opens_a_prefilled_marketplace_request(parkwijk, wijzer_people):
    assessment = take_wijzer(
        parkwijk,
        wijzer_people["anna"],
        {"taken": ["boodschappen"], "netwerk": ["niemand"], "zelf": ["geen"], "urgentie": ["binnenkort"]},
    )
    client = client_for("parkwijk", wijzer_people["anna"].user)
    page = text(client.get(f"/wijzer/{assessment.pk}/uitkomst/"))
    link = re.search(r'href="(/vraag-en-aanbod/nieuw/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    form = text(client.get(link))
    with tenant_context(parkwijk):
        shopping = Category.objects.get(slug="boodschappen")
    assert 'value="Wie helpt mij met dagelijkse boodschappen?"' in form
    assert "Ik zoek een buur die mij af en toe helpt met: dagelijkse boodschappen." in form
    assert f'<option value="{shopping.pk}" selected>' in form


def test_application_is_prefilled_checked_and_stored_once(parkwijk, wijzer_people):
    assessment = take_wijzer(
        parkwijk,
        wijzer_people["anna"],
        {"taken": ["zwaar_huishouden"], "netwerk": ["niemand"], "zelf": ["geen"], "urgentie": ["nu"]},
    )
    client = client_for("parkwijk", wijzer_people["anna"].user)
    address = f"/wijzer/{assessment.pk}/aanvraag/"
    form = text(client.get(address))
    assert re.search(r'value="zwaar_huishouden"[^>]*checked', form) and "Deze week" in form

    bad = client.post(address, {"tasks": [], "situation": "Bel \x07 mij", "phone": "<b>06</b>"})
    assert bad.status_code == 400 and "Kies minstens één taak." in text(bad)
    assert "Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw." in text(bad)
    assert "&lt;b&gt;06&lt;/b&gt;" in text(bad)
    with tenant_context(parkwijk):
        assert not Application.objects.exists()

    sent = client.post(address, {"tasks": ["zwaar_huishouden"], "situation": "Ik kan niet meer dweilen."}, follow=True)
    assert "Uw aanvraag is verstuurd naar de gemeente." in text(sent) and "De aanvraag is verstuurd op" in text(sent)
    with tenant_context(parkwijk):
        application = Application.objects.get()
    assert application.placed_as == "self" and application.tasks == ["zwaar_huishouden"]
    assert "Deze aanvraag is verstuurd op" in text(client.get(address))


def test_makelaar_runs_the_wijzer_with_a_resident_and_sends_the_application_for_her(parkwijk, wijzer_people):
    with tenant_context(parkwijk):
        consents_to_makelaar(wijzer_people["fatima"], wijzer_people["bram"])
    fatima = client_for("parkwijk", wijzer_people["fatima"].user)
    home = text(fatima.get("/wijzer/"))
    assert "Voor wie vult u de Wijzer in?" in home
    first = fatima.post("/wijzer/beginnen/", {"on_behalf_of": wijzer_people["bram"].pk}).url
    assert "voor Bram" in text(fatima.get(first))
    for key, values in (
        ("taken", ["licht_huishouden"]),
        ("netwerk", ["niemand"]),
        ("zelf", ["geen"]),
        ("urgentie", ["nu"]),
    ):
        fatima.post(first.replace("taken", key), {"answer": values, "ga": "verder"})
    with tenant_context(parkwijk):
        assessment = Assessment.objects.get(member=wijzer_people["bram"])
    outcome = text(fatima.post(f"/wijzer/{assessment.pk}/controleren/", follow=True))
    assert "Ideeën voor Bram" in outcome and "Samen ingevuld met Fatima, de sociaal makelaar." in outcome
    fatima.post(f"/wijzer/{assessment.pk}/aanvraag/", {"tasks": ["licht_huishouden"], "situation": "Samen besproken."})
    with tenant_context(parkwijk):
        assessment.refresh_from_db()
        application = Application.objects.get()
    assert (assessment.placed_as, assessment.started_by, assessment.finished_as) == (
        "makelaar",
        wijzer_people["fatima"].user,
        "makelaar",
    )
    assert application.placed_as == "makelaar" and application.sent_by == wijzer_people["fatima"].user
    # Both are in Bram's "Wat er namens u is gedaan", and his page shows them.
    with tenant_context(parkwijk):
        logged = set(
            ActingFor.objects.filter(member=wijzer_people["bram"], actor=wijzer_people["fatima"].user).values_list(
                "what", flat=True
            )
        )
    assert {"wijzer", "application"} <= logged
    dossier = text(client_for("parkwijk", wijzer_people["bram"].user).get("/mijn-dossier/"))
    assert "vulde de Eigen Kracht Wijzer in" in dossier and "diende een aanvraag in bij de gemeente" in dossier


def test_outcome_and_its_reasons_are_in_english_for_an_english_browser(parkwijk, wijzer_people):
    assessment = take_wijzer(parkwijk, wijzer_people["anna"])
    client = client_for("parkwijk", wijzer_people["anna"].user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = text(client.get(f"/wijzer/{assessment.pk}/uitkomst/"))
    assert "What you can do yourself" in page and "Why this idea?" in page
    assert "You find this hard: daily shopping." in page
    assert "Rule 1 of this neighbourhood's Wijzer rules, version 1" in page
    assert "Boodschappen laten bezorgen" in page  # the wijk's own rule texts are data, shown as written


def test_makelaar_follows_the_neighbour_suggestion_for_the_resident(parkwijk, wijzer_people):
    with tenant_context(parkwijk):
        consents_to_makelaar(wijzer_people["fatima"], wijzer_people["bram"])
    answers = {"taken": ["was"], "netwerk": ["niemand"], "zelf": ["geen"], "urgentie": ["binnenkort"]}
    assessment = take_wijzer(parkwijk, wijzer_people["bram"], answers, by=wijzer_people["fatima"])
    fatima = client_for("parkwijk", wijzer_people["fatima"].user)
    page = text(fatima.get(f"/wijzer/{assessment.pk}/uitkomst/"))
    link = re.search(r'href="(/vraag-en-aanbod/nieuw/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    assert f"voor={wijzer_people['bram'].pk}" in link
    form = text(fatima.get(link))
    assert re.search(rf'<option value="{wijzer_people["bram"].pk}" selected>', form)
    # A resident cannot use the address to speak for someone else: the choice is not there for her.
    own = text(client_for("parkwijk", wijzer_people["anna"].user).get(link))
    assert "Voor wie plaatst u dit?" not in own and 'value="Wie helpt mij met verzorging' in own
