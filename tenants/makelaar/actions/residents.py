"""Registering a resident who is not online (with their consent), and a login later when they want one. Consent
written down or withdrawn afterwards is the wijk's shared core (tenants/membership/actions/consent.py).

A registered resident has a citywide account like everyone (memberships, proxies and the point ledger hang on it),
but one that cannot log in: an unusable password and an address under the reserved `.invalid` top-level domain
(RFC 2606), which no mail server delivers to and no person can own. Django's password reset never mails an account
without a usable password, so nothing is ever sent there. When the resident wants to log in, the makelaar sets
their real e-mail address and Django's password-reset machinery mails them a link to choose a password."""

import uuid

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.email_address import clean_email
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.mail import absolute_url, mail_after_commit, mail_body
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.makelaar.access import offline_of
from wijkmarkt.tenants.makelaar.actions.cases import open_case
from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as Code
from wijkmarkt.tenants.makelaar.errors import fail
from wijkmarkt.tenants.makelaar.models import OfflineResident
from wijkmarkt.tenants.marketplace.models import ContactWay, Profile, Street
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.actions.joining import join_wijk
from wijkmarkt.tenants.membership.models import ActingWhat, Consent, ConsentTopic, Membership, PlacedAs

OFFLINE_EMAIL_DOMAIN = "offline.wijkmarkt.invalid"


def is_placeholder_email(email: str) -> bool:
    return email.endswith("@" + OFFLINE_EMAIL_DOMAIN)


def _require_consent(given: bool, field: str, message: str) -> bool:
    if not given:
        raise fail(field, message, Code.CONSENT_REQUIRED)
    return True


def register_offline_resident(
    *,
    actor: Actor,
    wijk: Wijk,
    first_name: str,
    last_name: str = "",
    street: str = "",
    phone: str = "",
    reach: str = "",
    consent_given: bool,
    consent_note: str,
    act_for_consent: bool = False,
    question: str = "",
) -> Membership:
    """A resident without e-mail or computer becomes a member of the active wijk, registered by the makelaar with
    their consent; with a `question` (the intake) their first case is opened at once. Returns their membership; the
    makelaar then acts for them like for any member."""
    require_permission(actor, Perm.REGISTER_RESIDENTS)
    values = collect(
        {
            "first_name": lambda: clean_text(first_name, field="first_name", max_length=60),
            "last_name": lambda: clean_text(last_name, field="last_name", max_length=80, required=False),
            "street": lambda: clean_text(street, field="street", max_length=80, required=False),
            "phone": lambda: clean_text(phone, field="phone", max_length=30, required=False),
            "reach": lambda: clean_text(reach, field="reach", max_length=300, required=False),
            "consent_note": lambda: clean_text(consent_note, field="consent_note", max_length=500, required=False),
            "question": lambda: clean_text(question, field="question", max_length=2000, required=False, multiline=True),
            "consent_given": lambda: _require_consent(
                consent_given,
                "consent_given",
                _("Vraag eerst of de bewoner het goed vindt dat u hem of haar inschrijft, en vink dat aan."),
            ),
        }
    )
    if not values["phone"] and not values["reach"] and not values["street"]:
        raise fail(
            "reach",
            _("Schrijf op hoe u de bewoner bereikt: een telefoonnummer, een adres of een andere manier."),
            Code.REQUIRED,
        )
    now = timezone.now()
    with transaction.atomic():
        user = User(
            email=f"offline-{uuid.uuid4().hex}@{OFFLINE_EMAIL_DOMAIN}",
            first_name=values["first_name"],
            last_name=values["last_name"],
        )
        user.set_unusable_password()
        user.save()
        member = join_wijk(wijk=wijk, user=user, accepted_house_rules=True, role=Role.RESIDENT)
        Membership.objects.filter(pk=member.pk).update(street=values["street"])
        member.street = values["street"]
        Profile.objects.create(
            member=member,
            contact_way=ContactWay.MAKELAAR,
            street=Street.objects.filter(name__iexact=values["street"]).first(),
        )
        OfflineResident.objects.create(
            member=member, phone=values["phone"], reach=values["reach"], registered_by=actor.user
        )
        topics = [ConsentTopic.REGISTRATION] + ([ConsentTopic.ACT_FOR] if act_for_consent else [])
        for topic in topics:
            Consent.objects.create(
                member=member, topic=topic, note=values["consent_note"], given_at=now, recorded_by=actor.user
            )
        record_acting_for(actor, member=member, placed_as=PlacedAs.MAKELAAR, what=ActingWhat.REGISTER, obj=member)
        if values["question"]:
            open_case(actor=actor, member=member, question=values["question"])
    return member


def invite_to_log_in(*, actor: Actor, member: Membership, email: str) -> Membership:
    """The resident wants a login after all: their real address replaces the reserved one, and Django's
    password-reset machinery mails them a link (valid PASSWORD_RESET_TIMEOUT) to choose a password."""
    require_permission(actor, Perm.REGISTER_RESIDENTS)
    offline = offline_of(member)
    if offline is None or not is_placeholder_email(member.user.email):
        raise fail(None, _("Deze bewoner heeft al een eigen e-mailadres."), Code.NOT_OFFLINE)
    address = clean_email(email)
    if is_placeholder_email(address):
        raise fail("email", _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."), Code.INVALID_EMAIL)
    if User.objects.filter(email__iexact=address).exclude(pk=member.user_id).exists():
        raise fail("email", _("Dit e-mailadres hoort al bij een ander account."), Code.EMAIL_TAKEN)
    user = member.user
    with transaction.atomic():
        user.email = address
        user.save(update_fields=["email"])
        OfflineResident.objects.filter(pk=offline.pk).update(login_invited_at=timezone.now())
        record_acting_for(actor, member=member, placed_as=PlacedAs.MAKELAAR, what=ActingWhat.INVITE_LOGIN, obj=member)
    # The token covers the new address and the (still unusable) password: choosing a password spends it.
    link = absolute_url(
        reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    subject = _("Kies uw wachtwoord voor de Wijkmarkt")
    body = mail_body("mail/login_invitation.txt", {"name": user.first_name, "link": link})
    mail_after_commit(address, subject, body)
    return member
