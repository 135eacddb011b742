"""Household help through the actions: filling the directory, searching it with explained results, sending a
request (self, proxy, makelaar), answering and withdrawing it, and refusing bad input without writing anything."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.builders.care import add_provider
from tests.builders.marketplace import consents_to_makelaar
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.tenants.care.actions import answer_help_request, send_help_request, withdraw_help_request
from wijkmarkt.tenants.care.filters import ProviderFilter
from wijkmarkt.tenants.care.models import HelpRequest, Provider
from wijkmarkt.tenants.care.selectors import explain
from wijkmarkt.tenants.membership.models import ActingFor, Proxy
from wijkmarkt.tenants.membership.selectors import actor_for


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [item.code for item in items] for field, items in error.error_dict.items()}


def search(data):
    filterset = ProviderFilter(data, queryset=Provider.objects.all())
    assert filterset.is_valid(), filterset.form.errors
    return filterset, list(filterset.qs)


def test_search_finds_available_nearby_in_natura_help_and_explains_it(providers, streets):
    filterset, found = search(
        {
            "days": ["tue"],
            "parts": ["morning"],
            "funding": "natura",
            "near_street": streets["zomer"].pk,
            "activity": ["light"],
        }
    )

    assert found == [providers["spaarne"]]
    assert explain(found[0], filterset.slots) == "Werkt dinsdagochtend, 600 m van u, gecontracteerd door de gemeente"


def test_search_by_activity_and_pgb_and_distance_order(providers, streets):
    _f, linen = search({"activity": ["linen"]})
    _f, pgb = search({"funding": "pgb"})
    _f, near = search({"near_street": streets["zomer"].pk, "activity": ["shopping"]})
    _f, close = search({"near_street": streets["zomer"].pk, "within_m": 1000})

    assert linen == [providers["alfa"]] and pgb == [providers["alfa"]]
    assert near == [providers["spaarne"], providers["student"]]
    assert close == [providers["spaarne"]]


def test_part_of_day_alone_means_any_day(providers):
    _f, evening = search({"parts": ["evening"]})
    _f, saturday = search({"days": ["sat"]})
    assert evening == [providers["alfa"]] and saturday == [providers["student"]]


def test_resident_sends_request_and_provider_accepts_it(providers, people):
    anna, henk = people["anna"], people["henk"]
    sent = send_help_request(
        actor=actor_for(anna.user),
        member=anna,
        provider=providers["spaarne"],
        activities=["heavy", "light"],
        times=["tue_morning"],
        note="Bel eerst even.",
    )
    assert (sent.status, sent.via, sent.placed_as, sent.sent_by) == ("sent", "website", "self", anna.user)
    assert sent.activities == ["light", "heavy"]  # in the list's order

    answered = answer_help_request(actor=actor_for(henk.user), help_request=sent, accept=True, message="Dinsdag 9 uur.")
    assert (answered.status, answered.answer, answered.answered_by) == ("accepted", "Dinsdag 9 uur.", henk.user)


def test_makelaar_sends_for_a_resident_via_the_makelaar(providers, people):
    consents_to_makelaar(people["fatima"], people["anna"])
    sent = send_help_request(
        actor=actor_for(people["fatima"].user), member=people["anna"], provider=providers["alfa"], activities=["linen"]
    )
    assert (sent.via, sent.placed_as, sent.member) == ("makelaar", "makelaar", people["anna"])


def test_proxy_sends_for_their_mother(providers, people):
    carla = create_account(email="carla@example.nl", first_name="Carla", password="een-lang-wachtwoord-1")
    anna = people["anna"]
    Proxy.objects.create(
        principal=anna,
        user=carla,
        relation="dochter",
        consent_recorded_at=timezone.now(),
        consent_recorded_by=anna.user,
    )
    sent = send_help_request(actor=actor_for(carla), member=anna, provider=providers["spaarne"], activities=["light"])
    assert (sent.placed_as, sent.via, sent.sent_by) == ("proxy", "website", carla)
    logged = ActingFor.objects.get(member=anna, actor=carla)
    assert (logged.what, logged.placed_as, logged.object_id) == ("help_request", "proxy", sent.pk)


def test_neighbour_cannot_send_for_someone_else(providers, people):
    with pytest.raises(PermissionDenied):
        send_help_request(
            actor=actor_for(people["bram"].user),
            member=people["anna"],
            provider=providers["spaarne"],
            activities=["light"],
        )


@pytest.mark.parametrize(
    ("activities", "times", "note", "expected"),
    [
        ([], [], "", {"activities": ["required"]}),
        (["dance"], [], "", {"activities": ["invalid_choice"]}),
        (["light"], ["tue_noon"], "", {"times": ["invalid_choice"]}),
        (["light"], [], "x" * 2001, {"note": ["too_long"]}),
        (["light"], [], "Hallo\x00daar", {"note": ["invalid_characters"]}),
        (["light"] * 30, [], "", {"activities": ["too_many"]}),
        (["linen"], [], "", {"activities": ["not_offered"]}),
        (
            [],
            ["x"],
            "\u202e",
            {"activities": ["required"], "times": ["invalid_choice"], "note": ["invalid_characters"]},
        ),
    ],
)
def test_bad_request_input_is_refused_per_field_and_writes_nothing(
    providers, people, activities, times, note, expected
):
    anna = people["anna"]
    with pytest.raises(ValidationError) as refused:
        send_help_request(
            actor=actor_for(anna.user),
            member=anna,
            provider=providers["spaarne"],
            activities=activities,
            times=times,
            note=note,
        )
    assert codes(refused.value) == expected
    assert not HelpRequest.objects.exists()


def test_html_in_a_note_is_kept_as_plain_text(providers, people):
    anna = people["anna"]
    sent = send_help_request(
        actor=actor_for(anna.user),
        member=anna,
        provider=providers["spaarne"],
        activities=["light"],
        note="<script>alert(1)</script>",
    )
    assert sent.note == "<script>alert(1)</script>"


def test_second_open_request_to_same_provider_is_refused_in_dutch(providers, people):
    anna = people["anna"]
    send_help_request(actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"])
    with pytest.raises(ValidationError) as refused:
        send_help_request(actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["heavy"])
    assert refused.value.error_list[0].code == "already_sent"
    assert refused.value.messages == ["U heeft deze aanbieder al een verzoek gestuurd. Kijk bij uw verzoeken."]


def test_only_the_providers_staff_answers_and_only_once(providers, people):
    anna = people["anna"]
    sent = send_help_request(actor=actor_for(anna.user), member=anna, provider=providers["alfa"], activities=["light"])
    for outsider in (anna, people["henk"], people["fatima"]):  # Henk works for another provider
        with pytest.raises(PermissionDenied):
            answer_help_request(actor=actor_for(outsider.user), help_request=sent, accept=True)
    spaarne = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    answer_help_request(actor=actor_for(people["henk"].user), help_request=spaarne, accept=False)
    with pytest.raises(ValidationError) as refused:
        answer_help_request(actor=actor_for(people["henk"].user), help_request=spaarne, accept=True)
    assert refused.value.messages == ["Dat kan niet meer: dit verzoek is afgewezen."]


def test_resident_withdraws_and_can_then_ask_again(providers, people):
    anna = people["anna"]
    sent = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    assert withdraw_help_request(actor=actor_for(anna.user), help_request=sent).status == "withdrawn"
    with pytest.raises(PermissionDenied):
        withdraw_help_request(actor=actor_for(people["bram"].user), help_request=sent)
    again = send_help_request(
        actor=actor_for(anna.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    assert again.status == "sent"


def test_provider_with_bad_fields_is_refused_with_every_field_named(in_parkwijk):
    with pytest.raises(ValidationError) as refused:
        add_provider(
            in_parkwijk,
            name="",
            kind="casino",
            activities=[],
            areas=["Centrum"],
            available=["mon_night"],
            phone="023\n123",
        )
    assert codes(refused.value) == {
        "name": ["required"],
        "phone": ["invalid_characters"],
        "kind": ["invalid_choice"],
        "activities": ["required"],
        "areas": ["invalid_choice"],
        "available": ["invalid_choice"],
    }
    assert not Provider.objects.exists()


def test_the_explanation_is_in_english_for_english_readers(providers, streets):
    from django.utils import translation

    filterset, found = search({"days": ["tue"], "parts": ["morning"], "near_street": streets["zomer"].pk})
    with translation.override("en"):
        assert (
            explain(found[0], filterset.slots)
            == "Works Tuesday morning, 600 m from you, contracted by the municipality"
        )


def test_search_by_area_and_not_in_natura_with_the_activity_in_the_explanation(in_parkwijk, providers, people):
    in_parkwijk.areas = ["Parkwijk", "Zuid"]
    providers["alfa"].areas = ["Zuid"]
    providers["alfa"].save()
    providers["student"].areas = ["Parkwijk"]
    providers["student"].save()
    found = ProviderFilter({"area": "Zuid"}, queryset=Provider.objects.all(), areas=in_parkwijk.areas)
    assert {p.name for p in found.qs} == {"Thuiszorg Spaarne", "Alfahulp Mieke"}  # Spaarne names no area: all
    private = ProviderFilter(
        {"funding": "private", "activity": ["light"]}, queryset=Provider.objects.all(), areas=in_parkwijk.areas
    )
    assert [p.name for p in private.qs] == ["Alfahulp Mieke"]
    assert explain(providers["alfa"], ["wed_morning"], ["light"]) == (
        "Werkt woensdagochtend, te betalen uit een pgb, doet licht huishoudelijk werk"
    )
