"""Support plans through the actions: who may draw one up (only the provider the resident accepted help from, or the
makelaar), versions that keep the old ones and their agreements, both sides agreeing, and bad input that writes
nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.builders.marketplace import consents_to_makelaar
from tests.builders.members import PASSWORD, make_member
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.tenants.care.actions import (
    PlanInput,
    agree_support_plan,
    answer_help_request,
    revise_support_plan,
    send_help_request,
    start_support_plan,
)
from wijkmarkt.tenants.care.models import PlanAgreement, SupportPlan, SupportPlanVersion
from wijkmarkt.tenants.care.selectors import plan_state
from wijkmarkt.tenants.marketplace.models import Notification
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import ActingFor
from wijkmarkt.tenants.membership.selectors import actor_for


def soon(days: int = 30) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def accepted(people, provider, member=None):
    member = member or people["anna"]
    sent = send_help_request(actor=actor_for(member.user), member=member, provider=provider, activities=["light"])
    return answer_help_request(actor=actor_for(people["henk"].user), help_request=sent, accept=True)


def plan_for_anna(people, providers, **data):
    accepted(people, providers["spaarne"])
    values = {"provider_part": "Elke dinsdag stofzuigen.", "review_dates": [soon()], **data}
    return start_support_plan(
        actor=actor_for(people["henk"].user),
        member=people["anna"],
        provider=providers["spaarne"],
        data=PlanInput(**values),
    )


def test_provider_draws_up_a_plan_with_the_default_result(providers, people):
    plan = plan_for_anna(people, providers)
    version = plan.versions.get()
    assert (version.number, version.result, version.provider_part) == (
        1,
        "Een schoon en leefbaar huis",
        "Elke dinsdag stofzuigen.",
    )
    assert version.review_dates == [soon()]
    assert Notification.objects.filter(member=people["anna"], url=f"/hulp-in-huis/plannen/{plan.pk}/").exists()


def test_provider_without_an_accepted_request_cannot_draw_up_a_plan(providers, people):
    with pytest.raises(ValidationError) as refused:
        start_support_plan(
            actor=actor_for(people["henk"].user),
            member=people["anna"],
            provider=providers["spaarne"],
            data=PlanInput(review_dates=[soon()]),
        )
    assert refused.value.error_list[0].code == "no_accepted_request"
    assert not SupportPlan.objects.exists()


def test_staff_of_another_provider_and_residents_cannot_draw_up_a_plan(in_parkwijk, providers, people):
    accepted(people, providers["spaarne"])
    other = make_member(in_parkwijk, "Gerrit", role=Role.PROVIDER)
    with pytest.raises(NotFound):
        start_support_plan(
            actor=actor_for(other.user),
            member=people["anna"],
            provider=providers["spaarne"],
            data=PlanInput(review_dates=[soon()]),
        )
    with pytest.raises(PermissionDenied):
        start_support_plan(
            actor=actor_for(people["bram"].user),
            member=people["anna"],
            provider=providers["spaarne"],
            data=PlanInput(review_dates=[soon()]),
        )
    assert not SupportPlan.objects.exists()


def test_makelaar_draws_up_a_plan_without_a_provider_only_with_the_residents_consent(providers, people):
    def start():
        return start_support_plan(
            actor=actor_for(people["fatima"].user),
            member=people["anna"],
            provider=None,
            data=PlanInput(network_part="Zoon Kees doet de boodschappen.", review_dates=[soon()]),
        )

    with pytest.raises(PermissionDenied, match="no_consent"):
        start()
    assert not SupportPlan.objects.exists()
    consents_to_makelaar(people["fatima"], people["anna"])
    plan = start()
    assert plan.provider is None and plan.versions.get().network_part == "Zoon Kees doet de boodschappen."


def test_bad_plan_input_gives_dutch_errors_per_field_and_writes_nothing(providers, people):
    with pytest.raises(ValidationError) as refused:
        plan_for_anna(
            people,
            providers,
            result="",
            resident_part="a\x00b",
            provider_part="x" * 2001,
            review_dates=[timezone.localdate() - dt.timedelta(days=1)],
        )
    errors = refused.value.message_dict
    assert errors["result"] == ["Vul dit veld in."]
    assert errors["resident_part"] == ["Hier staan onzichtbare of ongeldige tekens in. Typ de tekst opnieuw."]
    assert errors["provider_part"] == ["Dit is te lang: maximaal 2000 tekens, u typte er 2001."]
    assert errors["review_dates"] == ["Kies data vanaf vandaag en binnen twee jaar."]
    with pytest.raises(ValidationError) as no_dates:
        plan_for_anna(people, providers, review_dates=[])
    assert no_dates.value.message_dict["review_dates"] == ["Kies minstens één datum om samen terug te kijken."]
    assert not SupportPlan.objects.exists() and not SupportPlanVersion.objects.exists()


def test_both_sides_agree_and_a_change_makes_a_new_version_keeping_the_old(providers, people):
    plan = plan_for_anna(people, providers)
    henk, anna = actor_for(people["henk"].user), actor_for(people["anna"].user)
    agree_support_plan(actor=henk, plan=plan, version_number=1)
    assert not plan_state(plan).agreed
    agree_support_plan(actor=anna, plan=plan, version_number=1)
    state = plan_state(plan)
    assert state.agreed and state.in_force.number == 1

    revise_support_plan(actor=henk, plan=plan, data=PlanInput(provider_part="Ook de ramen.", review_dates=[soon(60)]))
    state = plan_state(plan)
    assert (state.current.number, state.agreed, state.in_force.number) == (2, False, 1)
    assert plan.versions.get(number=1).provider_part == "Elke dinsdag stofzuigen."
    assert PlanAgreement.objects.filter(version__number=1).count() == 2
    with pytest.raises(ValidationError) as stale:
        agree_support_plan(actor=anna, plan=plan, version_number=1)
    assert stale.value.error_list[0].code == "wrong_state"
    agree_support_plan(actor=anna, plan=plan, version_number=2)
    with pytest.raises(ValidationError) as twice:
        agree_support_plan(actor=anna, plan=plan, version_number=2)
    assert twice.value.messages == ["U heeft al akkoord gegeven op deze versie."]


def test_proxy_agrees_for_the_resident_and_others_cannot(in_parkwijk, providers, people):
    plan = plan_for_anna(people, providers)
    carla = make_member(in_parkwijk, "Carla")
    register_proxy(
        actor=actor_for(people["anna"].user), principal=people["anna"], proxy_email=carla.user.email, relation="dochter"
    )
    agreement = agree_support_plan(actor=actor_for(carla.user), plan=plan, version_number=1)
    assert (agreement.side, agreement.placed_as) == ("resident", "proxy")
    logged = ActingFor.objects.get(member=people["anna"], actor=carla.user)  # in Anna's "Wat er namens u is gedaan"
    assert (logged.what, logged.object_id) == ("plan", plan.pk)
    with pytest.raises(PermissionDenied):
        agree_support_plan(actor=actor_for(people["bram"].user), plan=plan, version_number=1)
    with pytest.raises(PermissionDenied):
        revise_support_plan(actor=actor_for(people["anna"].user), plan=plan, data=PlanInput(review_dates=[soon()]))


def test_answer_notifies_the_resident_and_the_makelaar_who_sent_it(providers, people):
    anna, fatima, henk = people["anna"], people["fatima"], people["henk"]
    consents_to_makelaar(fatima, anna)
    sent = send_help_request(
        actor=actor_for(fatima.user), member=anna, provider=providers["spaarne"], activities=["light"]
    )
    assert Notification.objects.filter(member=henk, text="Nieuw verzoek om hulp in huis van Anna.").exists()
    answer_help_request(actor=actor_for(henk.user), help_request=sent, accept=False)
    texts = dict(Notification.objects.filter(member__in=[anna, fatima]).values_list("member", "text"))
    assert texts[anna.pk] == "Thuiszorg Spaarne kan uw verzoek om hulp in huis niet aannemen."
    assert texts[fatima.pk] == "Thuiszorg Spaarne kan uw verzoek om hulp in huis niet aannemen. (voor Anna)"


def test_a_relative_from_outside_the_wijk_hears_the_answer_by_email(
    providers, people, mailoutbox, django_capture_on_commit_callbacks
):
    anna = people["anna"]
    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)  # no member here
    register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email=carla.email, relation="dochter")
    sent = send_help_request(actor=actor_for(carla), member=anna, provider=providers["spaarne"], activities=["light"])
    with django_capture_on_commit_callbacks(execute=True):
        answer_help_request(actor=actor_for(people["henk"].user), help_request=sent, accept=True)
    assert [mail.to for mail in mailoutbox] == [["carla@example.nl"]]
    assert "Thuiszorg Spaarne neemt uw verzoek om hulp in huis aan. (voor Anna)" in mailoutbox[0].body
    assert Notification.objects.filter(member=anna, text__contains="neemt uw verzoek").exists()
