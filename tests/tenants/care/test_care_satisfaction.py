"""The satisfaction survey of support plans: who may record it and when, bad answers, and the start-against-end
figures per wijk over a period that the citywide evaluation reads."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_tenants.utils import tenant_context

from tests.builders.members import make_member
from wijkmarkt.tenants.care.actions import (
    PlanInput,
    answer_help_request,
    record_satisfaction,
    send_help_request,
    start_support_plan,
)
from wijkmarkt.tenants.care.models import SatisfactionMeasurement
from wijkmarkt.tenants.care.selectors import satisfaction_start_vs_end
from wijkmarkt.tenants.membership.selectors import actor_for


def plan_of(member, people, providers):
    henk = actor_for(people["henk"].user)
    sent = send_help_request(
        actor=actor_for(member.user), member=member, provider=providers["spaarne"], activities=["light"]
    )
    answer_help_request(actor=henk, help_request=sent, accept=True)
    return start_support_plan(
        actor=henk,
        member=member,
        provider=providers["spaarne"],
        data=PlanInput(review_dates=[timezone.localdate() + dt.timedelta(days=30)]),
    )


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def test_start_and_end_once_each_between_as_often_as_needed(providers, people):
    plan = plan_of(people["anna"], people, providers)
    anna = actor_for(people["anna"].user)
    record_satisfaction(actor=anna, plan=plan, moment="start", scores=[2, 2, 3, 3, 2])
    record_satisfaction(actor=anna, plan=plan, moment="between", scores=[3, 3, 3, 3, 3])
    record_satisfaction(actor=anna, plan=plan, moment="between", scores=[3, 4, 3, 3, 3])
    with pytest.raises(ValidationError) as again:
        record_satisfaction(actor=anna, plan=plan, moment="start", scores=[5, 5, 5, 5, 5])
    assert again.value.message_dict["moment"] == ["Deze meting is al gedaan. Kies 'Tussendoor' voor een extra meting."]
    assert list(plan.measurements.values_list("moment", flat=True)) == ["start", "between", "between"]


def test_bad_answers_are_refused_per_question_and_nothing_is_stored(providers, people):
    plan = plan_of(people["anna"], people, providers)
    anna = actor_for(people["anna"].user)
    with pytest.raises(ValidationError) as refused:
        record_satisfaction(
            actor=anna,
            plan=plan,
            moment="soon",
            scores=[0, True, "5", None, 6],
            measured_on=timezone.localdate() + dt.timedelta(days=1),
        )
    errors = refused.value.message_dict
    assert errors["moment"] == ["Kies wanneer deze meting is: bij de start, tussendoor of aan het einde."]
    assert errors["q1"] == errors["q2"] == errors["q3"] == errors["q5"] == ["Kies een antwoord van 1 tot en met 5."]
    assert errors["q4"] == ["Kies een antwoord."] and errors["measured_on"] == ["Deze datum ligt in de toekomst."]
    with pytest.raises(ValidationError) as too_many:
        record_satisfaction(actor=anna, plan=plan, moment="start", scores=[3] * 9)
    assert too_many.value.message_dict["scores"] == ["Er zijn 5 vragen."]
    assert not SatisfactionMeasurement.objects.exists()


def test_a_neighbour_or_another_provider_cannot_record_satisfaction(in_parkwijk, providers, people):
    plan = plan_of(people["anna"], people, providers)
    for member in (people["bram"], make_member(in_parkwijk, "Gerrit", role="provider")):
        with pytest.raises(PermissionDenied):
            record_satisfaction(actor=actor_for(member.user), plan=plan, moment="start", scores=[3] * 5)
    assert not SatisfactionMeasurement.objects.exists()


def test_start_against_end_per_wijk_over_a_period(in_parkwijk, providers, people, centrum):
    anna_plan = plan_of(people["anna"], people, providers)
    bram_plan = plan_of(people["bram"], people, providers)
    henk = actor_for(people["henk"].user)
    record_satisfaction(actor=henk, plan=anna_plan, moment="start", scores=[2, 2, 2, 2, 2], measured_on=days_ago(100))
    record_satisfaction(actor=henk, plan=bram_plan, moment="start", scores=[3, 3, 4, 3, 2], measured_on=days_ago(90))
    record_satisfaction(actor=henk, plan=anna_plan, moment="between", scores=[5] * 5, measured_on=days_ago(50))
    record_satisfaction(actor=henk, plan=anna_plan, moment="end", scores=[4, 4, 4, 3, 5], measured_on=days_ago(10))
    record_satisfaction(actor=henk, plan=bram_plan, moment="end", scores=[1] * 5, measured_on=days_ago(400))

    figures = satisfaction_start_vs_end(since=days_ago(365), until=timezone.localdate())
    assert (figures.start_count, figures.start_average) == (2, 2.5)
    assert figures.start_per_question == [2.5, 2.5, 3.0, 2.5, 2.0]
    assert (figures.end_count, figures.end_average, figures.change) == (1, 4.0, 1.5)
    assert figures.end_per_question == [4.0, 4.0, 4.0, 3.0, 5.0]
    with tenant_context(centrum):  # another wijk's figures are its own
        empty = satisfaction_start_vs_end(since=days_ago(365), until=timezone.localdate())
    assert (empty.start_count, empty.start_average, empty.end_average, empty.change) == (0, None, None, None)
