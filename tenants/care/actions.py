"""Every write of household help: filling the directory, sending a request for help (by the resident, their proxy
or the makelaar), withdrawing it, and the provider's answer. Views, GraphQL, the demo and tests all call these."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.permissions import Actor, Perm
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.care.access import is_staff_of
from wijkmarkt.tenants.care.errors import CareErrorCode as Code
from wijkmarkt.tenants.care.errors import fail
from wijkmarkt.tenants.care.models import SLOTS, Activity, HelpRequest, HelpRequestStatus, Provider, ProviderKind
from wijkmarkt.tenants.marketplace.access import acting_as
from wijkmarkt.tenants.marketplace.models import PlacedAs, Street, Via
from wijkmarkt.tenants.membership.models import Membership

MAX_CHOICES = len(SLOTS)


@dataclass
class ProviderInput:
    name: str
    kind: str
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


def _collect(checks: dict) -> dict:
    """Run every field's check and raise all their errors together, so each field shows its own."""
    errors, values = {}, {}
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    return values


def register_provider(*, wijk: Wijk, data: ProviderInput, staff: list[Membership] = ()) -> Provider:
    """Add a provider to the active wijk's directory (the wijk's staff, the demo and tests fill it; a page for
    the wijk admin is a later slice). `staff` are provider users who answer its requests."""
    checks = {
        "name": lambda: clean_text(data.name, field="name", max_length=120),
        "description": lambda: clean_text(data.description, field="description", max_length=1000, required=False,
                                          multiline=True),
        "phone": lambda: clean_text(data.phone, field="phone", max_length=30, required=False),
        "email": lambda: clean_text(data.email, field="email", max_length=120, required=False),
        "address": lambda: clean_text(data.address, field="address", max_length=200, required=False),
        "website": lambda: clean_text(data.website, field="website", max_length=200, required=False),
        "kind": lambda: _choices([data.kind], ProviderKind.values, "kind", required=True)[0],
        "activities": lambda: _choices(data.activities, Activity.values, "activities", required=True),
        "areas": lambda: _choices(data.areas, wijk.areas, "areas", required=False),
        "available": lambda: _choices(data.available, SLOTS, "available", required=False),
    }  # fmt: skip
    values = _collect(checks)
    if any(member.role != "provider" for member in staff):
        raise fail("staff", _("Alleen aanbieders kunnen aan een aanbieder gekoppeld worden."), Code.INVALID_CHOICE)
    with transaction.atomic():
        provider = Provider.objects.create(**values, in_natura=data.in_natura, pgb=data.pgb, street=data.street)
        provider.staff.set(staff)
    return provider


def send_help_request(*, actor: Actor, member: Membership, provider: Provider, activities: list[str],
                      times: list[str] = (), note: str = "") -> HelpRequest:  # fmt: skip
    """A request for help to one provider, for `member`, sent by them, their proxy or the makelaar."""
    placed_as = acting_as(actor, member, Perm.RESPOND)
    checks = {
        "activities": lambda: _choices(activities, Activity.values, "activities", required=True),
        "times": lambda: _choices(times, SLOTS, "times", required=False),
        "note": lambda: clean_text(note, field="note", max_length=2000, required=False, multiline=True),
    }
    values = _collect(checks)
    not_offered = [Activity(value).label for value in values["activities"] if value not in provider.activities]
    if not_offered:
        raise fail("activities", _("%(name)s doet dit niet: %(what)s.") % {"name": provider.name,
                   "what": ", ".join(str(label) for label in not_offered)}, Code.NOT_OFFERED)  # fmt: skip
    already = _("U heeft deze aanbieder al een verzoek gestuurd. Kijk bij uw verzoeken.")
    if HelpRequest.objects.filter(provider=provider, member=member, status=HelpRequestStatus.SENT).exists():
        raise fail(None, already, Code.ALREADY_SENT)
    try:
        with transaction.atomic():
            return HelpRequest.objects.create(
                provider=provider, member=member, sent_by=actor.user, placed_as=placed_as,
                via=Via.MAKELAAR if placed_as == PlacedAs.MAKELAAR else Via.WEBSITE, **values,
            )  # fmt: skip
    except IntegrityError:  # two sends at once: the constraint keeps one
        raise fail(None, already, Code.ALREADY_SENT) from None


def _require_state(help_request: HelpRequest, *states: str) -> None:
    if help_request.status not in states:
        raise fail(None, _("Dat kan niet meer: dit verzoek is %(status)s.")
                   % {"status": help_request.get_status_display().lower()}, Code.WRONG_STATE)  # fmt: skip


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
    if not is_staff_of(actor, help_request.provider):
        raise PermissionDenied(Code.NOT_PROVIDER_STAFF)
    answer = clean_text(message, field="message", max_length=1000, required=False, multiline=True)
    with transaction.atomic():
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        _require_state(locked, HelpRequestStatus.SENT)
        locked.status = HelpRequestStatus.ACCEPTED if accept else HelpRequestStatus.DECLINED
        locked.answer, locked.answered_by, locked.answered_at = answer, actor.user, timezone.now()
        locked.save(update_fields=["status", "answer", "answered_by", "answered_at"])
    for name in ("status", "answer", "answered_by", "answered_at"):
        setattr(help_request, name, getattr(locked, name))
    return help_request
