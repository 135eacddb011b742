"""Saving meeting places and counters: opening hours in week order, bad input refused field by field with a Dutch
message and nothing written, and only the wijk admin of this wijk may change anything."""

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tenants.utils import tenant_context

from tests.builders.places import add_place
from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.places.actions import PlaceInput, remove_place, save_place
from wijkmarkt.tenants.places.models import Place
from wijkmarkt.tenants.places.selectors import counters, meeting_places


def test_a_counter_keeps_its_week_in_order(wijken, admins):
    loket = add_place(
        wijken["centrum"],
        admins["marleen"],
        kind="counter",
        name="Loket",
        hours=[(5, time(9), time(12)), (1, time(13), time(17)), (1, time(9), time(12))],
    )
    with tenant_context(wijken["centrum"]):
        [found] = counters()
        week = found.week
        assert found == loket and not meeting_places().exists()
    assert [d.label for d in week] == ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    assert [(p.opens, p.closes) for p in week[0].periods] == [(time(9), time(12)), (time(13), time(17))]
    assert week[1].closed and not week[4].closed


@pytest.mark.parametrize(
    ("overrides", "field", "code", "message"),
    [
        ({"name": ""}, "name", "required", "Vul dit veld in."),
        ({"name": "<b>" * 50}, "name", "too_long", "Dit is te lang: maximaal 120 tekens, u typte er 150."),
        ({"address": "Straat\x07 1"}, "address", "invalid_characters", "onzichtbare of ongeldige tekens"),
        ({"postcode": "ABCD"}, "postcode", "invalid_postcode", "Een postcode is vier cijfers"),
        ({"kind": "kroeg"}, "kind", "invalid_choice", "Kies uit de lijst."),
        (
            {"hours": [(2, time(17), time(9))]},
            "hours_2",
            "closes_before_opens",
            "Op dinsdag sluit het eerder dan het opengaat.",
        ),
        (
            {"hours": [(3, time(9), time(12)), (3, time(11), time(14))]},
            "hours_3",
            "overlapping",
            "Op woensdag overlappen de tijden elkaar.",
        ),
        ({"hours": [(1, time(h), time(h, 30)) for h in range(8, 13)]}, "hours_1", "too_many", "maximaal 4"),
        ({"hours": [(8, time(9), time(10))]}, "hours", "invalid_choice", "Kies een dag van maandag tot en met zondag."),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_and_writes_nothing(wijken, admins, overrides, field, code, message):
    with pytest.raises(ValidationError) as refused:
        add_place(wijken["centrum"], admins["marleen"], **overrides)
    error = refused.value.error_dict[field][0]
    assert error.code == code and message in error.messages[0]
    with tenant_context(wijken["centrum"]):
        assert not Place.objects.exists()


def test_every_bad_field_is_reported_at_once(wijken, admins):
    with pytest.raises(ValidationError) as refused:
        add_place(wijken["centrum"], admins["marleen"], name="", address="", hours=[(2, time(17), time(9))])
    assert set(refused.value.error_dict) == {"name", "address", "hours_2"}


def test_names_are_unique_per_kind(wijken, admins):
    add_place(wijken["centrum"], admins["marleen"])
    with pytest.raises(ValidationError) as refused:
        add_place(wijken["centrum"], admins["marleen"], name="de hamelink")
    assert refused.value.error_dict["name"][0].messages == ["Er is al een plek met deze naam."]
    add_place(wijken["centrum"], admins["marleen"], kind="counter")  # a counter may share the name


def test_changing_a_place_replaces_its_hours(places, wijken, admins):
    with tenant_context(wijken["centrum"]):
        loket = places["loket"]
        save_place(
            actor=actor_for(admins["marleen"].user),
            place=loket,
            data=PlaceInput(
                kind="counter", name="Loket Grote Markt", address="Grote Markt 4", hours=[(4, time(10), time(11))]
            ),
        )
        loket = Place.objects.get(pk=loket.pk)
        assert loket.address == "Grote Markt 4"
        assert [(h.day, h.opens) for h in loket.hours.all()] == [(4, time(10))]


def test_a_resident_cannot_add_change_or_remove_a_place(places, wijken, admins):
    with tenant_context(wijken["centrum"]):
        resident = actor_for(admins["anna"].user)
        with pytest.raises(PermissionDenied):
            save_place(actor=resident, data=PlaceInput(kind="counter", name="Mijn loket", address="Hier 1"))
        with pytest.raises(PermissionDenied):
            remove_place(actor=resident, place=places["loket"])
        assert Place.objects.count() == 2


def test_a_parkwijk_admin_cannot_change_centrum_places(places, wijken, admins):
    with tenant_context(wijken["centrum"]):
        piet_here = actor_for(admins["piet"].user)  # no role in Centrum
        with pytest.raises(PermissionDenied):
            remove_place(actor=piet_here, place=places["loket"])
        assert Place.objects.filter(pk=places["loket"].pk).exists()
