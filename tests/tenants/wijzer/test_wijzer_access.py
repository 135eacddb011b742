"""Answers are sensitive. By page, only the resident, their proxy and the wijk's makelaar reach an assessment;
another resident, a provider, a professional, the wijk admin and anyone of another wijk get the same not-found and
change nothing. Every read by someone other than the resident is in the access log; the resident's own are not."""

from django_tenants.utils import tenant_context

from tests.builders.clients import client_for
from tests.builders.wijzer import ANSWERS, take_wijzer
from wijkmarkt.tenants.privacy.models import AccessLogEntry
from wijkmarkt.tenants.wijzer.models import Assessment


def addresses(assessment) -> list[str]:
    base = f"/wijzer/{assessment.pk}"
    return [f"{base}/", f"{base}/uitkomst/", f"{base}/controleren/", f"{base}/aanvraag/", f"{base}/vraag/taken/"]


def test_other_residents_providers_professionals_and_the_wijk_admin_get_not_found(parkwijk, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"], {**ANSWERS, "netwerk": ["niemand"], "zelf": ["geen"]})
    draft = take_wijzer(parkwijk, wijzer_people["anna"], {"taken": ["was"]}, finish=False)
    for name in ("bram", "henk", "joost", "marleen"):
        client = client_for("parkwijk", wijzer_people[name].user)
        for address in addresses(finished) + addresses(draft):
            assert client.get(address).status_code == 404, (name, address)
        answer = client.post(f"/wijzer/{draft.pk}/vraag/taken/", {"answer": ["boodschappen"], "ga": "verder"})
        assert answer.status_code == 404
        assert client.post(f"/wijzer/{draft.pk}/controleren/").status_code == 404
        sent = client.post(f"/wijzer/{finished.pk}/aanvraag/", {"tasks": ["zwaar_huishouden"], "situation": "x"})
        assert sent.status_code == 404
        assert "Anna" not in client.get("/wijzer/").content.decode()
    with tenant_context(parkwijk):
        draft.refresh_from_db()
        assert draft.answers == {"taken": ["was"]} and draft.status == "draft"
        assert not AccessLogEntry.objects.exists()


def test_makelaar_of_another_wijk_never_reaches_a_parkwijk_assessment(parkwijk, centrum, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    on_parkwijk = client_for("parkwijk", wijzer_people["cor"].user)
    on_centrum = client_for("centrum", wijzer_people["cor"].user)
    for address in addresses(finished):
        assert on_parkwijk.get(address).status_code == 403  # not a member here: the members-only page, nothing more
        assert on_centrum.get(address).status_code == 404  # the same number in Centrum's own schema: nothing
    assert "Anna" not in on_centrum.get("/wijzer/").content.decode()
    with tenant_context(centrum):
        assert not Assessment.objects.exists() and not AccessLogEntry.objects.exists()
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()


def test_proxy_and_makelaar_read_and_are_logged_the_resident_is_not(parkwijk, wijzer_people):
    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    own = client_for("parkwijk", wijzer_people["anna"].user)
    assert own.get(f"/wijzer/{finished.pk}/uitkomst/").status_code == 200
    with tenant_context(parkwijk):
        assert not AccessLogEntry.objects.exists()

    carla = client_for("parkwijk", wijzer_people["carla"])
    page = carla.get(f"/wijzer/{finished.pk}/uitkomst/").content.decode()
    assert "Ideeën voor Anna" in page and "Boodschappen laten bezorgen" in page
    fatima = client_for("parkwijk", wijzer_people["fatima"].user)
    assert "Anna" in fatima.get("/wijzer/").content.decode()
    assert fatima.get(f"/wijzer/{finished.pk}/uitkomst/").status_code == 200
    with tenant_context(parkwijk):
        entries = list(
            AccessLogEntry.objects.order_by("at").values_list(
                "reader__first_name", "reader_role", "what", "object_id", "via", "subject"
            )
        )
    assert entries == [
        ("Carla", "", "self_assessment", finished.pk, "page", wijzer_people["anna"].pk),
        ("Fatima", "makelaar", "self_assessment", finished.pk, "page", wijzer_people["anna"].pk),
    ]


def test_proxy_takes_the_wijzer_for_her_mother(parkwijk, wijzer_people):
    carla = client_for("parkwijk", wijzer_people["carla"])
    first = carla.post("/wijzer/beginnen/").url
    carla.post(first, {"answer": ["warme_maaltijd"], "ga": "verder"})
    with tenant_context(parkwijk):
        draft = Assessment.objects.get()
    assert (draft.member, draft.placed_as, draft.started_by) == (wijzer_people["anna"], "proxy", wijzer_people["carla"])
    assert draft.answers == {"taken": ["warme_maaltijd"]}


def test_a_suspended_resident_reads_her_outcome_but_answers_nothing(parkwijk, wijzer_people):
    from django.utils import timezone

    from wijkmarkt.tenants.membership.models import Membership

    finished = take_wijzer(parkwijk, wijzer_people["anna"])
    draft = take_wijzer(parkwijk, wijzer_people["anna"], {"taken": ["was"]}, finish=False)
    with tenant_context(parkwijk):
        Membership.objects.filter(pk=wijzer_people["anna"].pk).update(suspended_at=timezone.now())
    anna = client_for("parkwijk", wijzer_people["anna"].user)
    assert anna.get(f"/wijzer/{finished.pk}/uitkomst/").status_code == 200
    refused = anna.post(f"/wijzer/{draft.pk}/vraag/taken/", {"answer": ["boodschappen"], "ga": "verder"})
    assert refused.status_code == 403 and "geschorst" in refused.content.decode()
    fatima = client_for("parkwijk", wijzer_people["fatima"].user)  # nor can the makelaar act for her meanwhile
    assert fatima.post(f"/wijzer/{draft.pk}/controleren/").status_code == 403
    with tenant_context(parkwijk):
        draft.refresh_from_db()
    assert draft.answers == {"taken": ["was"]} and draft.status == "draft"
