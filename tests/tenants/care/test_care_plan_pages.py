"""Pages of provider work and support plans, without JavaScript: a relative from outside the wijk arranges help for
her mother; a provider edits only their own entry and works from a worklist; a plan is drawn up from an accepted request, agreed by both, changed into a new version, printed,
and satisfaction recorded; bad input is shown next to the field; every role and wijk that may not read a plan gets
a 404, and every read by someone other than the resident is in the access log."""

import datetime as dt

from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.marketplace import consents_to_makelaar
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.actions import PlanInput, answer_help_request, send_help_request, start_support_plan
from wijkmarkt.tenants.care.models import HelpRequest, Provider, SatisfactionMeasurement, SupportPlan
from wijkmarkt.tenants.marketplace.models import Notification
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.privacy.models import AccessLogEntry


def text(response) -> str:
    return response.content.decode()


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def accepted(people, providers):
    anna = people["anna"]
    sent = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    return answer_help_request(actor=actor_for(people["henk"].user), help_request=sent, accept=True)


def a_plan(people, providers) -> SupportPlan:
    accepted(people, providers)
    return start_support_plan(
        actor=actor_for(people["henk"].user),
        member=people["anna"],
        provider=providers["spaarne"],
        data=PlanInput(review_dates=[in_days(30)]),
    )


ENTRY = {
    "description": "Vaste hulp.",
    "activities": ["light", "linen"],
    "available": ["wed_morning"],
    "in_natura": "on",
    "phone": "023 999 99 99",
}


def test_provider_edits_their_own_entry_and_residents_see_it(providers, people):
    spaarne = providers["spaarne"]
    client = client_for("parkwijk", people["henk"].user)
    form = text(client.get(f"/hulp-in-huis/aanbieder/{spaarne.pk}/bewerken/"))
    assert "Gegevens van Thuiszorg Spaarne wijzigen" in form and 'value="023 123 45 67"' in form
    response = client.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/bewerken/", ENTRY)
    assert response.status_code == 302
    spaarne.refresh_from_db()
    assert (spaarne.activities, spaarne.available, spaarne.phone, spaarne.pgb) == (
        ["light", "linen"],
        ["wed_morning"],
        "023 999 99 99",
        False,
    )
    assert spaarne.name == "Thuiszorg Spaarne" and spaarne.kind == "contracted"
    page = text(client_for("parkwijk", people["anna"].user).get(f"/hulp-in-huis/aanbieder/{spaarne.pk}/"))
    assert "woensdagochtend" in page and "023 999 99 99" in page


def test_nobody_but_the_providers_staff_can_edit_its_entry(in_parkwijk, providers, people):
    spaarne, alfa = providers["spaarne"], providers["alfa"]
    gerrit = make_member(in_parkwijk, "Gerrit", role=Role.PROVIDER)
    for user in (people["anna"].user, people["fatima"].user, gerrit.user):
        client = client_for("parkwijk", user)
        assert client.get(f"/hulp-in-huis/aanbieder/{spaarne.pk}/bewerken/").status_code in (403, 404)
        assert client.post(f"/hulp-in-huis/aanbieder/{spaarne.pk}/bewerken/", ENTRY).status_code in (403, 404)
    henk = client_for("parkwijk", people["henk"].user)
    assert henk.post(f"/hulp-in-huis/aanbieder/{alfa.pk}/bewerken/", ENTRY).status_code == 404  # not his provider
    assert Provider.objects.get(pk=spaarne.pk).phone == "023 123 45 67"
    assert (
        Provider.objects.get(pk=alfa.pk).activities == ["light", "linen"]
        and not Provider.objects.get(pk=alfa.pk).in_natura
    )


def test_bad_entry_input_is_shown_next_to_the_field_and_saves_nothing(providers, people):
    spaarne = providers["spaarne"]
    client = client_for("parkwijk", people["henk"].user)
    response = client.post(
        f"/hulp-in-huis/aanbieder/{spaarne.pk}/bewerken/",
        {**ENTRY, "activities": [], "phone": "<b>1</b>\x07", "description": "x" * 1001},
    )
    page = text(response)
    assert response.status_code == 400
    assert "Kies minstens één." in page and "Dit is te lang: maximaal 1000 tekens, u typte er 1001." in page
    assert "Hier staan onzichtbare of ongeldige tekens in." in page and "&lt;b&gt;1&lt;/b&gt;" in page
    spaarne.refresh_from_db()
    assert spaarne.activities == ["shopping", "light", "heavy"] and spaarne.phone == "023 123 45 67"


def test_worklist_shows_requests_to_answer_first_and_answers_from_there(providers, people):
    anna, bram = people["anna"], people["bram"]
    first = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    send_help_request(actor=actor_for(bram.user), member=bram, provider=providers["alfa"], activities=["linen"])
    client = client_for("parkwijk", people["henk"].user)
    page = text(client.get("/hulp-in-huis/werklijst/"))
    assert "1 verzoek wacht op uw antwoord." in page and "Anna" in page and "Bram" not in page
    response = client.post(
        f"/hulp-in-huis/verzoeken/{first.pk}/beantwoorden/", {"besluit": "aannemen", "terug": "werklijst"}
    )
    assert response.status_code == 302 and response.url == "/hulp-in-huis/werklijst/"
    assert Notification.objects.filter(member=anna, text__contains="neemt uw verzoek").exists()
    assert client_for("parkwijk", anna.user).get("/hulp-in-huis/werklijst/").status_code == 403


def test_provider_draws_up_a_plan_both_agree_and_the_resident_prints_it(providers, people):
    request = accepted(people, providers)
    henk = client_for("parkwijk", people["henk"].user)
    assert "Ondersteuningsplan opstellen" in text(henk.get(f"/hulp-in-huis/verzoeken/{request.pk}/"))
    form = text(henk.get(f"/hulp-in-huis/verzoeken/{request.pk}/plan/"))
    assert 'value="Een schoon en leefbaar huis"' in form
    response = henk.post(
        f"/hulp-in-huis/verzoeken/{request.pk}/plan/",
        {
            "result": "Een schoon en leefbaar huis",
            "resident_part": "Zelf afwassen.",
            "network_part": "Carla kookt.",
            "provider_part": "Dinsdag stofzuigen.",
            "review_1": in_days(30).isoformat(),
        },
    )
    plan = SupportPlan.objects.get()
    assert response.status_code == 302 and response.url == f"/hulp-in-huis/plannen/{plan.pk}/"
    henk.post(f"/hulp-in-huis/plannen/{plan.pk}/akkoord/", {"versie": "1"})

    anna = client_for("parkwijk", people["anna"].user)
    page = text(anna.get(f"/hulp-in-huis/plannen/{plan.pk}/"))
    assert "Ik ga akkoord met versie 1" in page and "De aanbieder gaf akkoord. Nu nog de bewoner." in page
    anna.post(f"/hulp-in-huis/plannen/{plan.pk}/akkoord/", {"versie": "1"})
    page = text(anna.get(f"/hulp-in-huis/plannen/{plan.pk}/"))
    assert "afgesproken" in page and "Ik ga akkoord" not in page and "Plan wijzigen" not in page
    printed = text(anna.get(f"/hulp-in-huis/plannen/{plan.pk}/afdrukken/"))
    assert "Ondersteuningsplan van Anna" in printed and "Zelf afwassen." in printed and "Carla kookt." in printed
    assert "Dinsdag stofzuigen." in printed and "afgedrukt" not in printed and "<nav" not in printed

    henk.post(
        f"/hulp-in-huis/plannen/{plan.pk}/wijzigen/",
        {"result": "Een schoon huis", "provider_part": "Ook ramen.", "review_1": in_days(40).isoformat()},
    )
    page = text(anna.get(f"/hulp-in-huis/plannen/{plan.pk}/"))
    assert "Versie 2" in page and "wacht op akkoord" in page and "Eerdere versies" in page
    printed = text(anna.get(f"/hulp-in-huis/plannen/{plan.pk}/afdrukken/"))
    assert "Zelf afwassen." in printed and "Er is een nieuwe versie (2) die nog op akkoord wacht." in printed


def test_satisfaction_at_the_start_by_page_with_errors_next_to_the_questions(providers, people):
    plan = a_plan(people, providers)
    henk = client_for("parkwijk", people["henk"].user)
    form = text(henk.get(f"/hulp-in-huis/plannen/{plan.pk}/tevredenheid/"))
    assert "Hoe tevreden bent u over hoe schoon en leefbaar uw huis is?" in form and "Heel tevreden" in form
    bad = henk.post(
        f"/hulp-in-huis/plannen/{plan.pk}/tevredenheid/",
        {"moment": "start", "q1": "9", "q2": "3", "measured_on": "gisteren"},
    )
    assert bad.status_code == 400
    assert "Kies een antwoord van 1 tot en met 5." in text(bad) and "Kies een antwoord." in text(bad)
    assert "Vul een datum in zoals 14-3-2027." in text(bad) and 'value="gisteren"' in text(bad)
    assert not SatisfactionMeasurement.objects.exists()
    good = henk.post(
        f"/hulp-in-huis/plannen/{plan.pk}/tevredenheid/",
        {"moment": "start", "q1": "2", "q2": "3", "q3": "4", "q4": "3", "q5": "3"},
    )
    assert good.status_code == 302
    assert SatisfactionMeasurement.objects.get().scores == [2, 3, 4, 3, 3]
    assert "Bij de start" in text(henk.get(f"/hulp-in-huis/plannen/{plan.pk}/"))


def test_only_resident_makelaar_and_provider_on_the_plan_reach_it_and_staff_reads_are_logged(
    in_parkwijk, providers, people, centrum
):
    plan = a_plan(people, providers)
    gerrit = make_member(in_parkwijk, "Gerrit", role=Role.PROVIDER)
    esther = make_member(centrum, "Esther", role=Role.MAKELAAR)
    urls = [
        f"/hulp-in-huis/plannen/{plan.pk}/",
        f"/hulp-in-huis/plannen/{plan.pk}/afdrukken/",
        f"/hulp-in-huis/plannen/{plan.pk}/tevredenheid/",
    ]
    for user in (people["bram"].user, gerrit.user):
        client = client_for("parkwijk", user)
        for url in urls:
            assert client.get(url).status_code == 404, url
        assert client.post(f"/hulp-in-huis/plannen/{plan.pk}/akkoord/", {"versie": "1"}).status_code == 404
    assert client_for("centrum", esther.user).get(urls[0]).status_code == 404  # another wijk's makelaar
    assert client_for("parkwijk", esther.user).get(urls[0]).status_code == 403  # no member of Parkwijk
    with tenant_context(in_parkwijk):
        assert not AccessLogEntry.objects.exists()

    for user in (people["anna"].user, people["fatima"].user, people["henk"].user):
        assert client_for("parkwijk", user).get(urls[1]).status_code == 200
    with tenant_context(in_parkwijk):
        logged = sorted(AccessLogEntry.objects.values_list("reader__first_name", "what", "via", "object_id"))
    assert logged == [("Fatima", "support_plan", "page", plan.pk), ("Henk", "support_plan", "page", plan.pk)]


def test_a_relative_from_outside_arranges_household_help_for_her_mother_by_page(providers, people):
    anna, henk = people["anna"], people["henk"]
    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)  # no member here
    register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=carla.email, relation="dochter")
    client = client_for("parkwijk", carla)
    search = text(client.get("/hulp-in-huis/", {"activity": "light", "days": "tue", "parts": "morning"}))
    assert "Thuiszorg Spaarne" in search and "Werkt dinsdagochtend" in search
    response = client.post(
        f"/hulp-in-huis/aanbieder/{providers['spaarne'].pk}/vragen/",
        {"activities": ["light"], "note": "Mijn moeder heeft een versleten heup."},
    )
    sent = HelpRequest.objects.get()
    assert response.status_code == 302 and (sent.member, sent.placed_as, sent.sent_by) == (anna, "proxy", carla)
    assert Notification.objects.filter(member=henk, text="Nieuw verzoek om hulp in huis van Anna.").exists()
    client_for("parkwijk", henk.user).post(f"/hulp-in-huis/verzoeken/{sent.pk}/beantwoorden/", {"besluit": "aannemen"})
    assert "Aangenomen" in text(client.get(f"/hulp-in-huis/verzoeken/{sent.pk}/"))
    assert "Anna aan Thuiszorg Spaarne" in text(client.get("/hulp-in-huis/verzoeken/"))


def test_makelaar_draws_up_a_plan_without_a_provider_and_residents_cannot(providers, people):
    anna = people["anna"]
    consents_to_makelaar(people["fatima"], anna)  # "met wie" lists the residents the makelaar may act for
    fatima = client_for("parkwijk", people["fatima"].user)
    assert "Een plan opstellen zonder aanbieder" in text(fatima.get("/hulp-in-huis/plannen/"))
    assert "Met wie maakt u dit plan?" in text(fatima.get("/hulp-in-huis/plannen/nieuw/"))
    empty = fatima.post("/hulp-in-huis/plannen/nieuw/", {"on_behalf_of": anna.pk, "result": "Een schoon huis"})
    assert empty.status_code == 400 and "Kies minstens één datum om samen terug te kijken." in text(empty)
    response = fatima.post(
        "/hulp-in-huis/plannen/nieuw/",
        {
            "on_behalf_of": anna.pk,
            "result": "Een schoon huis",
            "network_part": "Buurman Bram doet boodschappen.",
            "review_1": in_days(14).isoformat(),
        },
    )
    plan = SupportPlan.objects.get()
    assert response.status_code == 302 and (plan.member, plan.provider) == (anna, None)
    assert "Met de sociaal makelaar." in text(
        client_for("parkwijk", anna.user).get(f"/hulp-in-huis/plannen/{plan.pk}/")
    )
    for user in (anna.user, people["henk"].user):
        assert client_for("parkwijk", user).get("/hulp-in-huis/plannen/nieuw/").status_code == 403


def test_bad_plan_input_by_page_is_shown_next_to_the_fields_kept_and_writes_nothing(providers, people):
    request = accepted(people, providers)
    henk = client_for("parkwijk", people["henk"].user)
    response = henk.post(
        f"/hulp-in-huis/verzoeken/{request.pk}/plan/",
        {"result": "", "resident_part": "<b>zelf</b>\x07", "provider_part": "x" * 2001, "review_1": "gisteren"},
    )
    page = text(response)
    assert response.status_code == 400 and not SupportPlan.objects.exists()
    assert "Vul dit veld in." in page and "Hier staan onzichtbare of ongeldige tekens in." in page
    assert "Dit is te lang: maximaal 2000 tekens, u typte er 2001." in page and "x" * 2001 in page
    assert "Vul een datum in zoals 14-3-2027." in page and "&lt;b&gt;zelf&lt;/b&gt;" in page
    past = henk.post(
        f"/hulp-in-huis/verzoeken/{request.pk}/plan/",
        {"result": "Schoon", "review_1": (timezone.localdate() - dt.timedelta(days=3)).isoformat()},
    )
    assert "Kies data vanaf vandaag en binnen twee jaar." in text(past) and not SupportPlan.objects.exists()


def test_a_proxy_reads_her_mothers_plan_and_the_read_is_logged(in_parkwijk, providers, people):
    plan = a_plan(people, providers)
    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)
    register_proxy(
        actor=actor_for(people["anna"].user), principal=people["anna"], proxy_email=carla.email, relation="dochter"
    )
    client = client_for("parkwijk", carla)
    assert f"/hulp-in-huis/plannen/{plan.pk}/" in text(client.get("/hulp-in-huis/plannen/"))
    assert "Ik ga akkoord met versie 1" in text(client.get(f"/hulp-in-huis/plannen/{plan.pk}/"))
    client.post(f"/hulp-in-huis/plannen/{plan.pk}/akkoord/", {"versie": "1"})
    assert plan.versions.get().agreements.get().placed_as == "proxy"
    with tenant_context(in_parkwijk):
        assert list(AccessLogEntry.objects.values_list("reader__first_name", "subject")) == [
            ("Carla", people["anna"].pk)
        ]


def test_a_suspended_provider_reaches_no_plan_and_no_entry(providers, people):
    from wijkmarkt.tenants.membership.models import Membership

    plan = a_plan(people, providers)
    Membership.objects.filter(pk=people["henk"].pk).update(suspended_at=timezone.now())
    henk = client_for("parkwijk", people["henk"].user)
    assert henk.get(f"/hulp-in-huis/plannen/{plan.pk}/").status_code == 404
    assert henk.get(f"/hulp-in-huis/aanbieder/{providers['spaarne'].pk}/bewerken/").status_code == 404
