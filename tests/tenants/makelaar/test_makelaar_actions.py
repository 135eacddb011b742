"""The makelaar's actions: registering an offline resident (no login, consent on record, a login later), the
acting-for log written by the marketplace's actions, cases with hand-over, and signals with their notification."""

import pytest
from django.contrib.auth.forms import PasswordResetForm
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from tests.builders.makelaar import case_for_member, register_oma, signal_by
from tests.builders.members import PASSWORD
from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.tenants.makelaar.actions.cases import close_case, hand_over_case, record_hand_over_outcome
from wijkmarkt.tenants.makelaar.actions.residents import invite_to_log_in, is_placeholder_email
from wijkmarkt.tenants.makelaar.actions.signals import close_signal
from wijkmarkt.tenants.makelaar.models import Case, HandOver, OfflineResident, Signal
from wijkmarkt.tenants.marketplace.actions.exchanges import post_message, respond_to_listing
from wijkmarkt.tenants.marketplace.actions.listings import ListingInput, publish_listing
from wijkmarkt.tenants.marketplace.models import Category, Listing, Notification
from wijkmarkt.tenants.membership.actions.consent import record_consent, withdraw_consent
from wijkmarkt.tenants.membership.actions.proxies import register_proxy
from wijkmarkt.tenants.membership.models import ActingFor, Consent, Membership
from wijkmarkt.tenants.membership.selectors import actor_for


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [item.code for item in items] for field, items in error.error_dict.items()}


def test_offline_resident_has_no_login_and_never_gets_mail(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"])
    user = truus.user
    assert is_placeholder_email(user.email) and not user.has_usable_password()
    assert not user.check_password("") and not user.check_password(user.email)
    # Django's password reset mails nobody without a usable password.
    assert list(PasswordResetForm().get_users(user.email)) == []
    offline = OfflineResident.objects.get(member=truus)
    assert offline.phone == "023 531 00 00" and offline.registered_by == people["fatima"].user
    assert sorted(Consent.objects.filter(member=truus).values_list("topic", flat=True)) == ["act_for", "registration"]
    assert ActingFor.objects.get(member=truus).what == "register"


def test_registering_needs_consent_and_a_way_to_reach_and_writes_nothing_on_error(in_parkwijk, people):
    before = Membership.objects.count()
    with pytest.raises(ValidationError) as caught:
        register_oma(in_parkwijk, people["fatima"], first_name="", consent_given=False, phone="", reach="", street="")
    assert codes(caught.value) == {"first_name": ["required"], "consent_given": ["consent_required"]}
    with pytest.raises(ValidationError) as caught:
        register_oma(in_parkwijk, people["fatima"], phone="", reach="", street="")
    assert codes(caught.value) == {"reach": ["required"]}
    assert Membership.objects.count() == before


def test_only_a_makelaar_registers_residents(in_parkwijk, people):
    with pytest.raises(PermissionDenied):
        register_oma(in_parkwijk, people["anna"])


def test_a_login_later_sets_the_real_address_and_mails_a_password_link(
    in_parkwijk, people, django_capture_on_commit_callbacks, settings
):
    # The link is on the wijk's own host with the configured scheme, whatever Host the makelaar's request had.
    settings.WIJKMARKT_HTTPS, settings.WIJKMARKT_PORT = True, 443
    truus = register_oma(in_parkwijk, people["fatima"])
    with django_capture_on_commit_callbacks(execute=True):
        invite_to_log_in(
            actor=actor_for(people["fatima"].user),
            member=truus,
            email=" Truus@Example.nl ",
        )
    truus.user.refresh_from_db()
    assert truus.user.email == "truus@example.nl"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["truus@example.nl"]
    assert f"https://{in_parkwijk.domains.all()[0].domain}/account/nieuw-wachtwoord/" in mail.outbox[0].body
    with pytest.raises(ValidationError) as caught:
        invite_to_log_in(actor=actor_for(people["fatima"].user), member=truus, email="x@example.nl")
    assert caught.value.code == "not_offline"


def test_a_login_cannot_take_another_accounts_address(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"])
    with pytest.raises(ValidationError) as caught:
        invite_to_log_in(actor=actor_for(people["fatima"].user), member=truus, email="anna@example.nl")
    assert codes(caught.value) == {"email": ["email_taken"]}


def test_consent_is_recorded_withdrawn_and_logged(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"], act_for_consent=False)
    fatima = actor_for(people["fatima"].user)
    consent = record_consent(actor=fatima, member=truus, topic="act_for", note="Aan de telefoon")
    with pytest.raises(ValidationError) as caught:
        record_consent(actor=fatima, member=truus, topic="act_for")
    assert codes(caught.value) == {"topic": ["already_given"]}
    withdraw_consent(actor=fatima, consent=consent)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_by == people["fatima"].user
    assert list(ActingFor.objects.filter(member=truus).values_list("what", flat=True)) == [
        "consent_off",
        "consent",
        "register",
    ]
    with pytest.raises(PermissionDenied):
        record_consent(actor=actor_for(people["bram"].user), member=truus, topic="share")


def test_a_listing_placed_by_the_makelaar_is_in_the_residents_log_and_own_posts_are_not(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"])
    category = Category.objects.order_by("position").first()  # every wijk starts with the default categories
    data = ListingInput(
        kind="request", title="Boodschappen op dinsdag", description="Wie kan helpen?", category_id=category.pk
    )
    listing = publish_listing(actor=actor_for(people["fatima"].user), wijk=in_parkwijk, owner=truus, data=data)
    entry = ActingFor.objects.filter(member=truus, what="publish").get()
    assert (entry.actor, entry.placed_as, entry.object_type, entry.object_id) == (
        people["fatima"].user,
        "makelaar",
        "listing",
        listing.pk,
    )
    publish_listing(actor=actor_for(people["anna"].user), wijk=in_parkwijk, owner=people["anna"], data=data)
    assert not ActingFor.objects.filter(member=people["anna"]).exists()
    assert Listing.objects.count() == 2


def test_a_case_is_kept_handed_over_and_closed(in_parkwijk, people):
    fatima = actor_for(people["fatima"].user)
    case = case_for_member(people["fatima"], people["anna"], agreements="Bram belt.")
    with pytest.raises(ValidationError) as caught:
        hand_over_case(
            actor=fatima,
            case=case,
            organisation="MEE",
            contact_name="Els",
            passed_on="Hulp bij post",
            consent_given=False,
            consent_note="",
        )
    assert codes(caught.value) == {"consent_given": ["consent_required"], "consent_note": ["required"]}
    assert not HandOver.objects.exists()
    hand_over = hand_over_case(
        actor=fatima,
        case=case,
        organisation="MEE",
        contact_name="Els",
        passed_on="Hulp bij post",
        consent_given=True,
        consent_note="Mondeling",
    )
    assert Case.objects.get(pk=case.pk).status == "waiting"
    record_hand_over_outcome(actor=fatima, hand_over=hand_over, outcome="Els komt langs.")
    with pytest.raises(ValidationError):
        record_hand_over_outcome(actor=fatima, hand_over=hand_over, outcome="Nog eens")
    close_case(actor=fatima, case=case, outcome="Geholpen")
    assert Case.objects.get(pk=case.pk).status == "closed"


def test_only_makelaars_keep_cases(in_parkwijk, people):
    for name in ("anna", "joost", "henk"):
        with pytest.raises(PermissionDenied):
            case_for_member(people[name], people["bram"])


def test_a_signal_notifies_the_makelaar_without_saying_what_it_is(in_parkwijk, people):
    signal = signal_by(people["joost"], worry="Meneer Jansen eet niet meer")
    note = Notification.objects.get(member=people["fatima"])
    assert "Jansen" not in note.text and note.url == f"/makelaar/signalen/{signal.pk}/"
    assert signal.reporter_role == "professional" and signal.status == "received"
    close_signal(actor=actor_for(people["fatima"].user), signal=signal, outcome="Huisarts gebeld")
    assert Signal.objects.get().status == "closed"
    with pytest.raises(PermissionDenied):
        close_signal(actor=actor_for(people["anna"].user), signal=signal, outcome="x")


def test_bad_signal_input_writes_nothing(in_parkwijk, people):
    with pytest.raises(ValidationError) as caught:
        signal_by(people["anna"], about="", worry="a" * 2001)
    assert codes(caught.value) == {"about": ["required"], "worry": ["too_long"]}
    with pytest.raises(ValidationError) as caught:
        signal_by(people["anna"], about="Buur\x00man")
    assert codes(caught.value) == {"about": ["invalid_characters"]}
    assert not Signal.objects.exists()


def test_responding_and_agreeing_for_a_resident_are_logged_as_the_makelaar(in_parkwijk, people):
    category = Category.objects.order_by("position").first()
    data = ListingInput(kind="offer", title="Soep", description="Verse soep", category_id=category.pk)
    offer = publish_listing(actor=actor_for(people["bram"].user), wijk=in_parkwijk, owner=people["bram"], data=data)
    truus = register_oma(in_parkwijk, people["fatima"])
    fatima = actor_for(people["fatima"].user)
    exchange = respond_to_listing(actor=fatima, member=truus, listing=offer, message="Truus lust graag soep")
    post_message(actor=fatima, exchange=exchange, body="Dinsdag?", on_behalf_of=truus)
    entries = list(ActingFor.objects.filter(member=truus).values_list("what", "object_type", "object_id"))
    assert entries[:2] == [("message", "exchange", exchange.pk), ("respond", "exchange", exchange.pk)]
    assert not ActingFor.objects.filter(member=people["bram"]).exists()


def test_a_proxy_acting_for_their_mother_is_logged_as_proxy(in_parkwijk, people):
    anna = people["anna"]
    carla = create_account(email="carla@example.nl", first_name="Carla", password=PASSWORD)
    register_proxy(actor=actor_for(anna.user), principal=anna, proxy_email="carla@example.nl", relation="dochter")
    category = Category.objects.order_by("position").first()
    data = ListingInput(kind="request", title="Ramen lappen", description="Wie helpt mama?", category_id=category.pk)
    listing = publish_listing(actor=actor_for(carla), wijk=in_parkwijk, owner=anna, data=data)
    entry = ActingFor.objects.get(member=anna)
    assert (entry.actor, entry.placed_as, entry.what, entry.object_id) == (carla, "proxy", "publish", listing.pk)


def test_registering_with_a_question_opens_the_first_case_and_bad_input_writes_nothing(in_parkwijk, people):
    truus = register_oma(in_parkwijk, people["fatima"], question="Wie helpt met de post?")
    assert Case.objects.get(member=truus).question == "Wie helpt met de post?"
    before = Membership.objects.count()
    with pytest.raises(ValidationError) as caught:
        register_oma(in_parkwijk, people["fatima"], first_name="Kees", question="x" * 2001)
    assert codes(caught.value) == {"question": ["too_long"]}
    assert Membership.objects.count() == before and Case.objects.count() == 1
