"""Writing the access log (every read of sensitive data by someone other than the resident goes through here), and
a resident's export and erasure, each written to the privacy log."""

import uuid

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import memberships_across_wijken
from wijkmarkt.tenants.privacy.access import asked_as
from wijkmarkt.tenants.privacy.contributors import ERASED_NAME, erasers
from wijkmarkt.tenants.privacy.errors import PrivacyErrorCode, fail
from wijkmarkt.tenants.privacy.export import Export, build_export
from wijkmarkt.tenants.privacy.models import AccessLogEntry, Channel, PrivacyRequest, RequestKind, Sensitive

# Reserved top-level domain (RFC 2606): mail to it is never delivered.
ERASED_EMAIL_DOMAIN = "verwijderd.wijkmarkt.invalid"


def record_read(
    actor: Actor, *, subject: Membership | None, what: Sensitive, object_id: int, via: Channel
) -> AccessLogEntry | None:
    """Log a read unless the resident reads their own data. Proxies, makelaars, providers and staff are all logged."""
    if actor.user is None:
        return None
    if subject is not None and subject.user_id == actor.user.pk:
        return None
    return AccessLogEntry.objects.create(
        reader=actor.user,
        reader_role=actor.role or "",
        subject=subject,
        what=what,
        object_id=object_id,
        via=via,
    )


def export_member_data(actor: Actor, *, member: Membership, via: Channel) -> Export:
    """Everything this wijk holds about `member`, for the resident, their proxy or (offline resident) the makelaar.
    The request is logged; a download by anyone but the resident is also a logged read of sensitive data."""
    as_ = asked_as(actor, member)
    export = build_export(member)
    with transaction.atomic():
        PrivacyRequest.objects.create(
            kind=RequestKind.EXPORT, asked_by=actor.user, asked_as=as_, subject=member, via=via, summary=export.counts()
        )
        record_read(actor, subject=member, what=Sensitive.EXPORT, object_id=member.pk, via=via)
    return export


def _member_elsewhere(user: User) -> bool:
    here = connection.schema_name
    return any(wijk.schema_name != here for wijk, _role in memberships_across_wijken(user))


def _account_columns() -> list[tuple[type[models.Model], str]]:
    """Every column of a wijk app that points at an account: the membership itself, and rows kept by account
    (signals reported, help requests sent, what was done for others, reads of others' data)."""
    wijk_apps = set(settings.TENANT_APPS)
    return [
        (model, field.name)
        for model in apps.get_models()
        if model._meta.app_config.name in wijk_apps
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is User
    ]


def _detach(member: Membership) -> tuple[User, dict[str, int]]:
    """Give the person's rows in this wijk an account of their own that nobody can use, so their citywide account
    (still a member of another wijk) keeps nothing here: every row this wijk keeps by account moves to it, and
    shows Oud-lid, as it would had the account itself been anonymised. Returns it and the rows moved per column."""
    person = member.user
    placeholder = User(
        email=f"oud-lid-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}", first_name=ERASED_NAME, is_active=False
    )
    placeholder.set_unusable_password()
    placeholder.save()
    moved = {}
    for model, name in _account_columns():
        count = model._base_manager.filter(**{name: person}).update(**{name: placeholder})
        if count:
            moved[f"{model._meta.label}.{name}"] = count
    return placeholder, moved


def _forget_log_ins(email: str) -> int:
    """The log-in attempt log (django-axes, citywide) keeps e-mail, IP address and browser of every attempt; the
    person's go with their account."""
    return sum(
        model.objects.filter(username__iexact=email).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def _anonymise_account(user: User) -> None:
    """The person is a member of no other wijk: their account itself becomes Oud-lid and can never log in again.
    Point-ledger transfers keep pointing at this account, so others' balances still add up."""
    _forget_log_ins(user.email)
    user.first_name = ERASED_NAME
    user.last_name = ""
    user.email = f"oud-lid-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}"
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["first_name", "last_name", "email", "is_active", "password"])


def erase_member(actor: Actor, *, member: Membership, confirm: bool, via: Channel) -> PrivacyRequest:
    """Erase `member` from this wijk in one transaction: their words are deleted or replaced, their open listings
    withdrawn and out of the citywide index, rows others depend on (exchanges, reports, logs) kept under the name
    Oud-lid. Their account is anonymised only when they belong to no other wijk; otherwise only this wijk lets go."""
    as_ = asked_as(actor, member)
    if not confirm:
        raise fail(
            "confirm",
            _("Vink aan dat u begrijpt wat er gebeurt. Er is nog niets verwijderd."),
            PrivacyErrorCode.CONFIRMATION_REQUIRED,
        )
    if PrivacyRequest.objects.filter(subject=member, kind=RequestKind.ERASURE).exists():
        raise fail(None, _("Deze gegevens zijn al verwijderd."), PrivacyErrorCode.ALREADY_ERASED)
    person = member.user
    asked_by = actor.user
    with transaction.atomic():
        summary: dict[str, int] = {}
        for erase in erasers():
            summary.update(erase(member, actor.user))
        if _member_elsewhere(person):
            placeholder, moved = _detach(member)
            summary.update(moved)
            summary["account"] = 0
            if asked_by.pk == person.pk:  # the record of her own erasure names her no more than the rest
                asked_by = placeholder
        else:
            _anonymise_account(person)
            summary["account"] = 1
        request = PrivacyRequest.objects.create(
            kind=RequestKind.ERASURE, asked_by=asked_by, asked_as=as_, subject=member, via=via, summary=summary
        )
    return request
