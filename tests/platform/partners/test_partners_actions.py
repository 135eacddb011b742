"""The partner directory: the 18 covenant partners load once however often the command runs, edits survive a
reload, contact persons belong to their partner, and a wijk lists only the partners linked to it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from wijkmarkt.platform.partners.actions import (
    add_contact_person,
    link_partner_to_wijk,
    register_partner,
    unlink_partner_from_wijk,
)
from wijkmarkt.platform.partners.covenant import COVENANT_PARTNERS
from wijkmarkt.platform.partners.models import Partner
from wijkmarkt.platform.partners.selectors import contact_persons_in_wijk, partners_in_wijk


def test_load_partners_adds_the_18_covenant_partners_once(db, capsys):
    call_command("load_partners")
    call_command("load_partners")
    slugs = {slug for slug, *_rest in COVENANT_PARTNERS}
    assert len(slugs) == 18
    assert set(Partner.objects.filter(slug__in=slugs).values_list("slug", flat=True)) == slugs
    assert Partner.objects.filter(slug="loket-haarlem").get().get_kind_display() == "Loket"
    assert "0 partners toegevoegd, 18 waren er al." in capsys.readouterr().out


def test_a_reload_keeps_what_a_coordinator_changed(db):
    call_command("load_partners")
    Partner.objects.filter(slug="mee").update(offer="Nieuw aanbod")
    call_command("load_partners")
    assert Partner.objects.get(slug="mee").offer == "Nieuw aanbod"


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("", "required", "Vul dit veld in."),
        ("x" * 121, "too_long", "Dit is te lang: maximaal 120 tekens, u typte er 121."),
        ("Stichting\x00DOCK", "invalid_characters", "Hier staan onzichtbare of ongeldige tekens in."),
    ],
)
def test_bad_partner_names_are_refused_with_a_dutch_message(db, name, code, message):
    before = Partner.objects.count()
    with pytest.raises(ValidationError) as refused:
        register_partner(name=name, kind="welfare")
    error = refused.value.error_dict["name"][0]
    assert error.code == code and message in error.messages[0]
    assert Partner.objects.count() == before


def test_a_partner_name_is_unique_whatever_the_case(db):
    register_partner(name="Tandem (test)", kind="other")
    with pytest.raises(ValidationError) as refused:
        register_partner(name="TANDEM (TEST)", kind="other", slug="tandem-2")
    assert refused.value.error_dict["name"][0].messages == ["Er is al een partner met deze naam."]


def test_an_unknown_kind_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        register_partner(name="Iets", kind="bank")
    assert refused.value.error_dict["kind"][0].code == "invalid_choice"


def test_a_wijk_contact_must_work_for_that_partner(partners, wijken):
    with pytest.raises(ValidationError) as refused:
        link_partner_to_wijk(wijk=wijken["centrum"], partner=partners["ymere"], contact=partners["ilse"])
    assert refused.value.error_dict["contact"][0].messages == ["Deze contactpersoon werkt niet bij Ymere (test)."]
    assert not partners_in_wijk(wijken["centrum"]).filter(partner=partners["ymere"]).exists()


def test_a_contact_name_is_unique_per_partner(partners):
    with pytest.raises(ValidationError) as refused:
        add_contact_person(partner=partners["dock"], name="ilse vermeer")
    assert refused.value.error_dict["name"][0].code == "duplicate"


def test_partners_appear_only_in_the_wijken_they_are_linked_to(partners, wijken):
    assert [link.partner for link in partners_in_wijk(wijken["parkwijk"])] == [partners["dock"]]
    assert [link.partner for link in partners_in_wijk(wijken["centrum"])] == [partners["kontext"]]
    assert list(partners_in_wijk(wijken["slachthuisbuurt"])) == []
    assert list(contact_persons_in_wijk(wijken["centrum"])) == [partners["ruud"]]


def test_linking_again_changes_the_offer_and_unlinking_removes_it(partners, wijken):
    link_partner_to_wijk(wijk=wijken["parkwijk"], partner=partners["dock"], offer="Nu ook taalles.")
    assert partners_in_wijk(wijken["parkwijk"]).get().offer == "Nu ook taalles."
    unlink_partner_from_wijk(wijk=wijken["parkwijk"], partner=partners["dock"])
    assert not partners_in_wijk(wijken["parkwijk"]).exists()


def test_a_partner_that_left_is_shown_nowhere(partners, wijken):
    Partner.objects.filter(pk=partners["dock"].pk).update(active=False)
    assert not partners_in_wijk(wijken["parkwijk"]).exists()
