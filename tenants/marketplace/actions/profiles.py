"""A member's profile and the relatives who may act for them (proxies)."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.email_address import clean_email
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission, require_writes_open
from wijkmarkt.platform.errors import collect
from wijkmarkt.platform.mail import mail_after_commit
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.ratelimits import count_attempt
from wijkmarkt.platform.wijken.hosts import wijk_url
from wijkmarkt.tenants.makelaar.actions.acting_for import record_acting_for
from wijkmarkt.tenants.makelaar.models import ActingWhat
from wijkmarkt.tenants.marketplace.access import NO_CONSENT, acts_for
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as Code
from wijkmarkt.tenants.marketplace.errors import fail
from wijkmarkt.tenants.marketplace.models import (
    ContactWay,
    DayPart,
    NotificationKind,
    PlacedAs,
    Profile,
    Proxy,
    Street,
    Weekday,
    default_site_notifications,
)
from wijkmarkt.tenants.membership.models import Membership

AVAILABILITY_SLOTS = frozenset(f"{day}_{part}" for day in Weekday.values for part in DayPart.values)


@dataclass
class ProfileInput:
    about: str = ""
    offers: str = ""
    talents: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    could_use: str = ""
    available: list[str] = field(default_factory=list)
    contact_way: str = ContactWay.SITE
    street_id: int | None = None
    house_number: str = ""
    phone: str = ""
    show_house_number: bool = False
    show_phone: bool = False
    show_email: bool = False
    notify_site: list[str] = field(default_factory=default_site_notifications)
    notify_email: list[str] = field(default_factory=list)


def _words(values: list[str], field_name: str) -> list[str]:
    if len(values) > 20:
        raise fail(field_name, _("Maximaal 20 woorden."), Code.TOO_LONG)
    return [clean_text(v, field=field_name, max_length=40) for v in values if v and v.strip()]


def _subset(values: list[str], allowed, field_name: str) -> list[str]:
    if not set(values) <= set(allowed):
        raise fail(field_name, _("Kies een van de mogelijkheden."), Code.INVALID_CHOICE)
    return sorted(set(values))


def update_profile(*, actor: Actor, member: Membership, data: ProfileInput) -> Profile:
    require_writes_open(actor)
    # Someone else's profile: only the makelaar with the member's consent (access.acts_for); a proxy leaves it alone.
    if actor.user is None or (member.user_id != actor.user.pk and acts_for(actor, member) != PlacedAs.MAKELAAR):
        raise PermissionDenied(NO_CONSENT if has_permission(actor, Perm.ACT_FOR_RESIDENTS) else "profile")
    errors: dict = {}

    def take(name, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as error:
            for key, items in error.error_dict.items():
                errors.setdefault(key, []).extend(items)
            return None

    values = {
        "about": take("about", clean_text, data.about, field="about", max_length=1000, required=False, multiline=True),
        "offers": take("offers", clean_text, data.offers, field="offers", max_length=1000, required=False, multiline=True),
        "could_use": take("could_use", clean_text, data.could_use, field="could_use", max_length=1000, required=False,
                          multiline=True),
        "talents": take("talents", _words, data.talents, "talents"),
        "languages": take("languages", _words, data.languages, "languages"),
        "available": take("available", _subset, data.available, AVAILABILITY_SLOTS, "available"),
        "contact_way": take("contact_way", _subset, [data.contact_way], ContactWay.values, "contact_way"),
        "house_number": take("house_number", clean_text, data.house_number, field="house_number", max_length=10,
                             required=False),
        "phone": take("phone", clean_text, data.phone, field="phone", max_length=20, required=False),
        "notify_site": take("notify_site", _subset, data.notify_site, NotificationKind.values, "notify_site"),
        "notify_email": take("notify_email", _subset, data.notify_email, NotificationKind.values, "notify_email"),
    }  # fmt: skip
    street = Street.objects.filter(pk=data.street_id).first() if data.street_id else None
    if data.street_id and street is None:
        errors.setdefault("street", []).append(
            ValidationError(_("Kies een straat uit de lijst."), code=Code.UNKNOWN_STREET)
        )
    if errors:
        raise ValidationError(errors)
    values["contact_way"] = values["contact_way"][0]
    with transaction.atomic():
        profile, _created = Profile.objects.update_or_create(
            member=member,
            defaults={**values, "street": street, "show_house_number": data.show_house_number,
                      "show_phone": data.show_phone, "show_email": data.show_email},
        )  # fmt: skip
    return profile


def register_proxy(*, actor: Actor, principal: Membership, proxy_email: str, relation: str) -> Proxy:
    """The member themselves (giving consent) or the makelaar (recording the member's consent) registers a relative's
    citywide account as proxy. The relative need not live in, or be a member of, this wijk.

    An address without an account and one that is already this member's proxy get the same answer, and the attempts
    are limited per account, so the form tells nobody who has an account. The relative is told by e-mail."""
    require_writes_open(actor)
    _require_may_manage_proxies(actor, principal)
    values = collect({
        "relation": lambda: clean_text(relation, field="relation", max_length=60),
        "proxy_email": lambda: clean_email(proxy_email, field="proxy_email"),
    })  # fmt: skip
    count_attempt("register_proxy", f"user:{actor.user.pk}")
    user = User.objects.filter(email=values["proxy_email"], is_active=True).first()
    if user is not None and user.pk == principal.user_id:
        raise fail("proxy_email", _("U kunt niet uw eigen gemachtigde zijn."), Code.INVALID_CHOICE)
    if user is not None and user.pk == actor.user.pk:  # the makelaar cannot make herself someone's proxy
        raise fail("proxy_email", _("Een gemachtigde noemt de bewoner zelf; dat kunt u niet zelf zijn."),
                   Code.INVALID_CHOICE)  # fmt: skip
    if user is None or Proxy.objects.filter(principal=principal, user=user, revoked_at__isnull=True).exists():
        raise fail("proxy_email", _("Dit adres kunnen we niet toevoegen. Kijk het na: uw familielid heeft een eigen "
                                    "account op de Wijkmarkt nodig, en is misschien al uw gemachtigde."),
                   Code.UNKNOWN_MEMBER)  # fmt: skip
    with transaction.atomic():
        proxy = Proxy.objects.create(principal=principal, user=user, relation=values["relation"],
                                     consent_recorded_at=timezone.now(), consent_recorded_by=actor.user)  # fmt: skip
        _log_for(actor, principal, proxy)
        _tell_the_proxy(proxy)
    return proxy


def _require_may_manage_proxies(actor: Actor, principal: Membership) -> None:
    """Who names or removes a member's proxies: the member, or the makelaar while the member's consent is on record
    (access.acts_for, the one rule). Not a proxy: a relative does not name other relatives."""
    if actor.user is None:
        raise PermissionDenied("proxy")
    if principal.user_id == actor.user.pk or acts_for(actor, principal) == PlacedAs.MAKELAAR:
        return
    raise PermissionDenied(NO_CONSENT if has_permission(actor, Perm.ACT_FOR_RESIDENTS) else "proxy")


def _log_for(actor: Actor, principal: Membership, proxy: Proxy) -> None:
    if principal.user_id != actor.user.pk:
        record_acting_for(actor, member=principal, placed_as=PlacedAs.MAKELAAR, what=ActingWhat.PROXY, obj=proxy)


def _tell_the_proxy(proxy: Proxy) -> None:
    wijk = connection.tenant
    subject = _("U bent gemachtigde op de Wijkmarkt")
    body = _("Beste %(name)s,\n\n%(principal)s uit %(wijk)s heeft u op de Wijkmarkt als gemachtigde genoemd. U mag nu "
             "namens %(principal)s vragen en aanbod plaatsen en reageren, via %(link)s.\n\nKlopt dit niet? Neem dan "
             "contact op met de sociaal makelaar van %(wijk)s.") % {
        "name": proxy.user.first_name, "principal": proxy.principal.user.first_name, "wijk": wijk.name,
        "link": wijk_url(wijk)}  # fmt: skip
    address = proxy.user.email
    mail_after_commit(address, subject, body)


def revoke_proxy(*, actor: Actor, proxy: Proxy) -> Proxy:
    # Allowed in a paused wijk too: taking back someone's authority to act (and to read) for you is a right that
    # a pause does not suspend.
    principal = proxy.principal
    if actor.user is None or actor.user.pk != proxy.user_id:  # a proxy may always step down
        _require_may_manage_proxies(actor, principal)
    with transaction.atomic():
        proxy.revoked_at = timezone.now()
        proxy.save(update_fields=["revoked_at"])
        if actor.user.pk != proxy.user_id:
            _log_for(actor, principal, proxy)
    return proxy
