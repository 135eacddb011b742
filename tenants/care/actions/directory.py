"""Writes of the provider directory and its help requests: filling the directory, a provider's staff editing their
own entry, sending a request for help (by the resident, their proxy or the makelaar), withdrawing it, and the
provider's answer, each with the notifications it causes."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor, Perm, require_permission, require_writes_open
from wijkmarkt.platform.mail import absolute_url, mail_after_commit, mail_body
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.care.access import is_staff_of, may_follow
from wijkmarkt.tenants.care.errors import CareErrorCode as Code
from wijkmarkt.tenants.care.errors import collect, fail
from wijkmarkt.tenants.care.models import SLOTS, Activity, HelpRequest, HelpRequestStatus, Provider, ProviderKind
from wijkmarkt.tenants.marketplace.actions.notifications import notify
from wijkmarkt.tenants.marketplace.models import NotificationKind, Street, Via
from wijkmarkt.tenants.membership.access import NotFound, acting_as
from wijkmarkt.tenants.membership.actions.acting_for import record_acting_for
from wijkmarkt.tenants.membership.models import ActingWhat, Membership, PlacedAs

MAX_CHOICES = len(SLOTS)


@dataclass(kw_only=True)
class ProviderEntry:
    """What a provider's own staff may change about their entry: not the name or the kind (the wijk decides those:
    "contracted by the municipality" is not a claim to make about oneself)."""

    activities: list[str]
    description: str = ""
    areas: list[str] = field(default_factory=list)
    available: list[str] = field(default_factory=list)
    in_natura: bool = False
    pgb: bool = False
    street: Street | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""


@dataclass(kw_only=True)
class ProviderInput(ProviderEntry):
    name: str
    kind: str


def _choices(values, allowed, field_name: str, *, required: bool) -> list[str]:
    """A list of choice values, each known, without doubles, in the order of `allowed`."""
    values = list(values or [])
    if len(values) > MAX_CHOICES:
        raise fail(field_name, _("Dat zijn te veel keuzes: maximaal %(max)s.") % {"max": MAX_CHOICES}, Code.TOO_MANY)
    if required and not values:
        raise fail(field_name, _("Kies minstens één."), Code.REQUIRED)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise fail(field_name, _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return [value for value in allowed if value in values]


def _entry_values(wijk: Wijk, data: ProviderEntry) -> dict:
    """The checked fields of an entry; every field's error together."""
    checks = {
        "description": lambda: clean_text(
            data.description, field="description", max_length=1000, required=False, multiline=True
        ),
        "phone": lambda: clean_text(data.phone, field="phone", max_length=30, required=False),
        "email": lambda: clean_text(data.email, field="email", max_length=120, required=False),
        "address": lambda: clean_text(data.address, field="address", max_length=200, required=False),
        "website": lambda: clean_text(data.website, field="website", max_length=200, required=False),
        "activities": lambda: _choices(data.activities, Activity.values, "activities", required=True),
        "areas": lambda: _choices(data.areas, wijk.areas, "areas", required=False),
        "available": lambda: _choices(data.available, SLOTS, "available", required=False),
    }
    if isinstance(data, ProviderInput):
        checks["name"] = lambda: clean_text(data.name, field="name", max_length=120)
        checks["kind"] = lambda: _choices([data.kind], ProviderKind.values, "kind", required=True)[0]
    return {**collect(checks), "in_natura": bool(data.in_natura), "pgb": bool(data.pgb), "street": data.street}


def register_provider(*, wijk: Wijk, data: ProviderInput, staff: list[Membership] = ()) -> Provider:
    """Add a provider to the active wijk's directory (the wijk's staff, the demo and tests fill it; a page for
    the wijk admin is a later slice). `staff` are provider users who answer its requests and edit its entry."""
    values = _entry_values(wijk, data)
    if any(member.role != "provider" for member in staff):
        raise fail("staff", _("Alleen aanbieders kunnen aan een aanbieder gekoppeld worden."), Code.INVALID_CHOICE)
    with transaction.atomic():
        provider = Provider.objects.create(**values)
        provider.staff.set(staff)
    return provider


def update_provider(*, actor: Actor, wijk: Wijk, provider: Provider, data: ProviderEntry) -> Provider:
    """A provider's own staff change their entry (activities, areas, times, natura/pgb, contact). Anyone else,
    including staff of another provider, gets NotFound: nothing tells them the entry is editable."""
    require_permission(actor, Perm.MANAGE_OWN_PROVIDER)
    if not is_staff_of(actor, provider):
        raise NotFound
    values = _entry_values(wijk, data)
    with transaction.atomic():
        Provider.objects.filter(pk=provider.pk).update(**values)
    provider.refresh_from_db()
    return provider


def _request_url(help_request: HelpRequest) -> str:
    return f"/hulp-in-huis/verzoeken/{help_request.pk}/"


def _tell_user(user: User, text: str, url: str) -> None:
    """A relative outside the wijk has no membership here, so no in-site notification: an e-mail after commit."""
    if not user.email:
        return
    address, first_name = user.email, user.first_name
    mail_after_commit(
        address,
        _("Wijkmarkt: %(text)s") % {"text": text[:80]},
        mail_body("mail/care_update.txt", {"name": first_name, "text": text, "url": absolute_url(url)}),
    )


def tell(
    user: User,
    member: Membership | None,
    text: str,
    url: str,
    kind=NotificationKind.RESPONSE,
    about: Membership | None = None,
) -> None:
    """Notify a person of this wijk in the site (and by e-mail if they chose so), or by e-mail when they are not a
    member here (a relative acting as proxy from outside the city)."""
    member = member or Membership.objects.select_related("user").filter(user=user).first()
    if member is not None:
        notify(member, kind, text, url, about=about)
    else:
        _tell_user(user, text, url)


def send_help_request(
    *,
    actor: Actor,
    member: Membership,
    provider: Provider,
    activities: list[str],
    times: list[str] = (),
    note: str = "",
) -> HelpRequest:
    """A request for help to one provider, for `member`, sent by them, their proxy or the makelaar."""
    placed_as = acting_as(actor, member, Perm.RESPOND)
    checks = {
        "activities": lambda: _choices(activities, Activity.values, "activities", required=True),
        "times": lambda: _choices(times, SLOTS, "times", required=False),
        "note": lambda: clean_text(note, field="note", max_length=2000, required=False, multiline=True),
    }
    values = collect(checks)
    not_offered = [Activity(value).label for value in values["activities"] if value not in provider.activities]
    if not_offered:
        raise fail(
            "activities",
            _("%(name)s doet dit niet: %(what)s.")
            % {"name": provider.name, "what": ", ".join(str(label) for label in not_offered)},
            Code.NOT_OFFERED,
        )
    already = _("U heeft deze aanbieder al een verzoek gestuurd. Kijk bij uw verzoeken.")
    if HelpRequest.objects.filter(provider=provider, member=member, status=HelpRequestStatus.SENT).exists():
        raise fail(None, already, Code.ALREADY_SENT)
    try:
        with transaction.atomic():
            help_request = HelpRequest.objects.create(
                provider=provider,
                member=member,
                sent_by=actor.user,
                placed_as=placed_as,
                via=Via.MAKELAAR if placed_as == PlacedAs.MAKELAAR else Via.WEBSITE,
                **values,
            )
            record_acting_for(actor, member=member, placed_as=placed_as, what=ActingWhat.HELP_REQUEST, obj=help_request)
            text = _("Nieuw verzoek om hulp in huis van %(name)s.") % {"name": member.user.first_name}
            for staff in provider.staff.select_related("user").filter(suspended_at__isnull=True):
                notify(staff, NotificationKind.RESPONSE, text, _request_url(help_request), about=member)
    except IntegrityError:  # two sends at once: the constraint keeps one
        raise fail(None, already, Code.ALREADY_SENT) from None
    return help_request


def _require_state(help_request: HelpRequest, *states: str) -> None:
    if help_request.status not in states:
        raise fail(
            None,
            _("Dat kan niet meer: dit verzoek is %(status)s.") % {"status": help_request.get_status_display().lower()},
            Code.WRONG_STATE,
        )


def withdraw_help_request(*, actor: Actor, help_request: HelpRequest) -> HelpRequest:
    """The resident (or their proxy, or the makelaar) no longer wants this help."""
    acting_as(actor, help_request.member, Perm.RESPOND)
    with transaction.atomic():
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        _require_state(locked, HelpRequestStatus.SENT, HelpRequestStatus.ACCEPTED)
        locked.status = HelpRequestStatus.WITHDRAWN
        locked.save(update_fields=["status"])
    help_request.status = locked.status
    return help_request


def answer_help_request(*, actor: Actor, help_request: HelpRequest, accept: bool, message: str = "") -> HelpRequest:
    """The provider takes the request on or declines it, with an optional message to the resident."""
    require_writes_open(actor)
    if not is_staff_of(actor, help_request.provider):
        raise PermissionDenied(Code.NOT_PROVIDER_STAFF)
    answer = clean_text(message, field="message", max_length=1000, required=False, multiline=True)
    with transaction.atomic():
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        _require_state(locked, HelpRequestStatus.SENT)
        locked.status = HelpRequestStatus.ACCEPTED if accept else HelpRequestStatus.DECLINED
        locked.answer, locked.answered_by, locked.answered_at = answer, actor.user, timezone.now()
        locked.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        _tell_answer(locked)
    for name in ("status", "answer", "answered_by", "answered_at"):
        setattr(help_request, name, getattr(locked, name))
    return help_request


def _tell_answer(help_request: HelpRequest) -> None:
    """The resident hears the answer, and so does whoever sent the request for them (proxy or makelaar)."""
    values = {"provider": help_request.provider.name}
    text = (
        _("%(provider)s neemt uw verzoek om hulp in huis aan.")
        if help_request.status == HelpRequestStatus.ACCEPTED
        else _("%(provider)s kan uw verzoek om hulp in huis niet aannemen.")
    ) % values
    member = help_request.member
    url = _request_url(help_request)
    notify(member, NotificationKind.RESPONSE, text, url)
    if help_request.sent_by_id != member.user_id and may_follow(help_request.sent_by, help_request):
        for_whom = _("(voor %(name)s)") % {"name": member.user.first_name}
        tell(help_request.sent_by, None, f"{text} {for_whom}", url, about=member)
