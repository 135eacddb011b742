"""What every wijk app holds about a member, for the export, the erasure and the retention. Privacy imports no app
above it: each app says what it holds in a `privacy.py` of its own (a `Contributor`), and settings
PRIVACY_CONTRIBUTORS names them, bottom to top, like SEARCH_SOURCES. Privacy itself adds the membership (the layer
below it) first and its own logs last.

A contributor has one `Part` per kind of row that is about the member (the export reads every field of those rows,
so a field added later appears by itself), every other relation to a Membership or an account in `not_exported`
with the reason (tests/tenants/privacy/test_export_coverage.py fails on a relation that is in neither), the function
that anonymises its rows through the ORM in an erasure, and what it deletes once it is kept past its retention.

The order is fixed: the export shows the membership, then each contributor's parts in the order of the setting,
then privacy's own logs and the point ledger; an erasure runs each contributor's `erase` in the order of the setting
and the membership's last, all in the erasure's one transaction (actions.py); the daily purge runs each `purge` in
the order of the setting, in one transaction per wijk (retention.py). Nothing here decides who may ask (access.py)."""

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.registries import registered
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.models import Membership

ERASED_NAME = "Oud-lid"
ERASED_TEXT = "(verwijderd)"


@dataclass(frozen=True)
class Part:
    """Rows of `model` whose `lookup` is the member (subject "member") or their account (subject "user")."""

    model: str  # app_label.ModelName
    lookup: str
    title: str
    subject: str = "member"
    omit: tuple[str, ...] = ()  # fields never handed out (who reported a worry)
    # When set, the only fields handed out: on rows that others go on working on (a worry the makelaar follows up,
    # a report the moderation handles) a field added later must not reach the one who reported by itself.
    only: tuple[str, ...] = ()
    shown: dict = field(default_factory=dict)  # field name -> function(row) giving what is handed out instead
    note: str = ""  # shown above the rows: why some of it is left out
    extra: dict = field(default_factory=dict)  # further filters on the rows

    @property
    def key(self) -> str:
        return f"{self.model}.{self.lookup}"


@dataclass(frozen=True)
class Contributor:
    """What one wijk app adds to a member's export, erasure and retention (see the module's docstring)."""

    parts: tuple[Part, ...] = ()
    # (model, relation field): why the rows it points at are not part of this member's export.
    not_exported: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # Runs inside the erasure's transaction with the member and the account that asks; returns counts per part for
    # the privacy log.
    erase: Callable[[Membership, User], dict[str, int]] | None = None
    # Runs daily in the wijk's own schema, inside one transaction per wijk: deletes what is kept past its retention
    # and returns the line for the command's report.
    purge: Callable[[Wijk, dt.datetime | None], str] | None = None
    # Whether the member was registered without a computer of their own: then the makelaar who may act for them
    # asks for their export or erasure.
    registered_offline: Callable[[Membership], bool] | None = None


def receipt(handled: bool) -> str:
    """Where a worry or a report stands, as the one who reported it learns it: received, or handled (the words of a
    signal's status)."""
    return str(_("Afgehandeld") if handled else _("Ontvangen"))


ABOUT_OTHERS = _("De rij gaat over een andere bewoner; wie het deed staat bij die bewoner.")

_MEMBERSHIP = Part("membership.Membership", "user", _("Uw lidmaatschap van de wijk"), subject="user")
_OWN_PARTS = (
    Part("privacy.AccessLogEntry", "subject", _("Wie uw gevoelige gegevens inzag")),
    Part("privacy.PrivacyRequest", "subject", _("Uw verzoeken om download of verwijdering")),
)
_OWN_NOT_EXPORTED = {
    ("privacy.AccessLogEntry", "reader"): _("Inzagen die u als medewerker deed, gaan over andere bewoners."),
    ("privacy.PrivacyRequest", "asked_by"): ABOUT_OTHERS,
}


def _erase_membership(member: Membership, by: User) -> dict[str, int]:
    Membership.objects.filter(pk=member.pk).update(street="", suspended_reason="")
    return {"membership.Membership": 1}


def contributors() -> tuple[Contributor, ...]:
    return registered("PRIVACY_CONTRIBUTORS")


def parts() -> tuple[Part, ...]:
    """Every part of the export, in its order."""
    return (_MEMBERSHIP, *[part for contributor in contributors() for part in contributor.parts], *_OWN_PARTS)


def not_exported() -> dict[tuple[str, str], str]:
    left_out = {}
    for contributor in contributors():
        left_out.update(contributor.not_exported)
    return {**left_out, **_OWN_NOT_EXPORTED}


def erasers() -> Iterator[Callable[[Membership, User], dict[str, int]]]:
    """What an erasure runs, in its order."""
    yield from (contributor.erase for contributor in contributors() if contributor.erase)
    yield _erase_membership


def purgers() -> Iterator[Callable[[Wijk, dt.datetime | None], str]]:
    return (contributor.purge for contributor in contributors() if contributor.purge)


def registered_offline(member: Membership) -> bool:
    return any(c.registered_offline(member) for c in contributors() if c.registered_offline)


def rows_filter(part: Part, member: Membership) -> Q:
    return Q(**{part.lookup: member.user if part.subject == "user" else member}, **part.extra)
