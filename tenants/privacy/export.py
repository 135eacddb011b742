"""Everything this wijk holds about one member, as plain data for the JSON download and the Mijn gegevens page.

Reads only, in the active wijk's schema: a person who is a member of two wijken gets one export per wijk, and
nothing of the other wijk's schema is read. From the public schema only the account itself and the point-ledger
transfers booked in or to this wijk are added. Every field of every row in contributors.parts() is handed out (minus
a part's `omit`; only its `only` where a part names them), so a field another app adds later appears without a
change here, except on rows others go on working on."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.ledger.models import Entry
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.privacy.contributors import Part, not_exported, parts, rows_filter

FORMAT_VERSION = 1


@dataclass
class Section:
    key: str
    title: str
    note: str
    labels: dict[str, str]  # field name -> its Dutch label
    rows: list[dict]

    def as_json(self) -> dict:
        return {"onderdeel": self.key, "titel": self.title, "toelichting": self.note, "rijen": self.rows}

    def table(self) -> list[list[tuple[str, str]]]:
        """Rows as (label, readable value) pairs for the page."""
        return [[(self.labels.get(name, name), readable(value)) for name, value in row.items()] for row in self.rows]


def readable(value) -> str:
    """A value as a resident reads it: dates in Dutch, lists joined, empty as a dash."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "j F Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list):
        return ", ".join(readable(item) for item in value)
    if isinstance(value, dict):
        return DjangoJSONEncoder(ensure_ascii=False).encode(value)
    return str(value)


class _Names:
    """First names of accounts and members that rows point at, looked up once each."""

    def __init__(self):
        self.users: dict[int, str] = {}
        self.members: dict[int, str] = {}

    def user(self, pk: int | None) -> str | None:
        if pk is None:
            return None
        if pk not in self.users:
            self.users[pk] = User.objects.filter(pk=pk).values_list("first_name", flat=True).first() or ""
        return self.users[pk]

    def member(self, pk: int | None) -> str | None:
        if pk is None:
            return None
        if pk not in self.members:
            found = Membership.objects.filter(pk=pk).values_list("user__first_name", flat=True).first()
            self.members[pk] = found or ""
        return self.members[pk]


def _value(field: models.Field, obj: models.Model, names: _Names):
    if field.is_relation:
        pk = getattr(obj, field.attname)
        if field.related_model is User:
            return names.user(pk)
        if field.related_model is Membership:
            return names.member(pk)
        return pk
    value = field.value_from_object(obj)
    if isinstance(value, FieldFile):
        return value.name or None
    if field.choices and value not in (None, ""):
        choices = dict(field.flatchoices)
        if isinstance(value, list):
            return [str(choices.get(item, item)) for item in value]
        return str(choices.get(value, value))
    return value


def _fields(model: type[models.Model], part: Part) -> list[models.Field]:
    # A GeneratedField (a listing's tsvector) is derived from the other fields and not readable data.
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.GeneratedField)]
    return [f for f in fields if f.name not in part.omit and (not part.only or f.name in part.only)]


def _section(part: Part, member: Membership, names: _Names) -> Section:
    model = apps.get_model(part.model)
    fields = _fields(model, part)
    rows = model._base_manager.filter(rows_filter(part, member)).order_by("pk").distinct()
    if any(isinstance(f, models.GeneratedField) for f in model._meta.concrete_fields):
        rows = rows.only(*[f.name for f in fields])
    return Section(
        key=part.key,
        title=str(part.title),
        note=str(part.note),
        labels={f.name: str(f.verbose_name) for f in fields},
        rows=[_row(part, fields, obj, names) for obj in rows],
    )


def _row(part: Part, fields: list[models.Field], obj: models.Model, names: _Names) -> dict:
    return {f.name: part.shown[f.name](obj) if f.name in part.shown else _value(f, obj, names) for f in fields}


def _ledger_section(member: Membership) -> Section:
    """The member's points booked in this wijk or given to them here; other wijken's transfers stay out."""
    wijk = connection.tenant
    entries = (
        Entry.objects.filter(account__user=member.user, account__kind="member")
        .filter(models.Q(transfer__wijk=wijk) | models.Q(transfer__to_wijk=wijk))
        .select_related("transfer")
        .order_by("transfer__created_at", "pk")
    )
    rows = [
        {
            "created_at": entry.transfer.created_at,
            "kind": entry.transfer.get_kind_display(),
            "amount": entry.amount,
            "note": entry.transfer.note,
        }
        for entry in entries
    ]
    labels = {"created_at": _("Datum"), "kind": _("Soort"), "amount": _("Punten"), "note": _("Toelichting")}
    return Section("ledger.Entry", _("Uw punten in deze wijk"), "", labels, rows)


@dataclass
class Export:
    wijk: str
    made_at: object
    account: dict
    account_labels: dict
    sections: list[Section]
    left_out: list[dict]

    def as_json(self) -> dict:
        return {
            "formaat": FORMAT_VERSION,
            "wijk": self.wijk,
            "gemaakt_op": self.made_at,
            "account": self.account,
            "onderdelen": [section.as_json() for section in self.sections],
            "niet_opgenomen": self.left_out,
        }

    def counts(self) -> dict[str, int]:
        return {section.key: len(section.rows) for section in self.sections}


def build_export(member: Membership) -> Export:
    user = member.user
    names = _Names()
    sections = [_section(part, member, names) for part in parts()]
    sections.append(_ledger_section(member))
    return Export(
        wijk=connection.tenant.name,
        made_at=timezone.now(),
        account={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": user.date_joined,
        },
        account_labels={
            "first_name": _("Voornaam"),
            "last_name": _("Achternaam"),
            "email": _("E-mailadres"),
            "date_joined": _("Account sinds"),
        },
        sections=sections,
        left_out=[
            {"relatie": f"{model}.{name}", "waarom": str(reason)} for (model, name), reason in not_exported().items()
        ],
    )


def export_json(export: Export) -> str:
    return DjangoJSONEncoder(ensure_ascii=False, indent=2).encode(export.as_json())
