"""Writes to the wijk registry. Provisioning is idempotent and clones the template schema."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.clone import CloneSchema
from django_tenants.utils import schema_exists

from wijkmarkt.platform.wijken.connection import tenant_connection
from wijkmarkt.platform.wijken.errors import WijkErrorCode
from wijkmarkt.platform.wijken.hosts import forget_hosts
from wijkmarkt.platform.wijken.models import Domain, Wijk, WijkStatus

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]{1,39}$")
# Names that would collide with PostgreSQL's own schemas, our template, or hosts we may want for ourselves.
RESERVED_SLUGS = frozenset(
    {
        "public",
        "information_schema",
        "www",
        "admin",
        "api",
        "graphql",
        "ws",
        "static",
        "media",
        "portal",
        "mail",
        "smtp",
        "ftp",
        "localhost",
        "test",
        "template",
        settings.TENANT_BASE_SCHEMA,
        "wijkmarkt",
        "coordinator",
        "status",
        "help",
        "support",
        "auth",
        "login",
        "account",
    }
)
DOMAIN_PATTERN = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Provisioned:
    wijk: Wijk
    created: bool


def _quiet(_message: str) -> None:
    pass


def validate_slug(slug: str) -> None:
    if not SLUG_PATTERN.fullmatch(slug or ""):
        raise ValidationError(
            {
                "slug": ValidationError(
                    _(
                        "Een korte naam bestaat uit 2 tot 40 kleine letters en cijfers en begint met een letter, "
                        "zonder spaties of streepjes (bijvoorbeeld: parkwijk)."
                    ),
                    code=WijkErrorCode.INVALID_SLUG,
                )
            }
        )
    if slug in RESERVED_SLUGS or slug.startswith("pg"):
        raise ValidationError(
            {
                "slug": ValidationError(
                    _("De korte naam %(slug)s is gereserveerd. Kies een andere."),
                    code=WijkErrorCode.RESERVED_SLUG,
                    params={"slug": slug},
                )
            }
        )


def ensure_template_schema(*, progress: Progress = _quiet) -> Wijk:
    """The template is migrated once; every later wijk is a copy of it."""
    template = Wijk.objects.filter(schema_name=settings.TENANT_BASE_SCHEMA).first()
    if template is None:
        progress("Sjabloon-schema aanmaken (eenmalig, voert alle migraties uit)")
        template = Wijk(
            schema_name=settings.TENANT_BASE_SCHEMA,
            name="Sjabloon",
            status=WijkStatus.PLANNED,
            is_template=True,
        )
        template.save()
    if not schema_exists(template.schema_name):
        template.create_schema(check_if_exists=True, verbosity=0)  # no template to clone: runs the migrations
    return template


_clone_function_installed: set[str] = set()


def _clone_template_into(slug: str) -> None:
    """Copy the template schema, then record its migrations as applied. django-tenants' own path re-creates the
    clone_schema() SQL functions before every clone, which PostgreSQL compiles and keeps in the session:
    30 clones on one connection went from 0.5 to 1.1 s each and 396 MB (tests/performance/bench_provisioning.py).
    Installing them once per process and database avoids that."""
    database = connection.settings_dict["NAME"]
    clone = CloneSchema()
    if database not in _clone_function_installed:
        clone._create_clone_schema_function()
        _clone_function_installed.add(database)
    with connection.cursor() as cursor:
        cursor.execute("SELECT clone_schema(%s, %s, 'DATA')", [settings.TENANT_BASE_SCHEMA, slug])
    call_command("migrate_schemas", tenant=True, fake=True, schema_name=slug, interactive=False, verbosity=0)
    tenant_connection().set_schema_to_public()


def provision_wijk(
    *,
    slug: str,
    name: str,
    status: WijkStatus = WijkStatus.PLANNED,
    domain: str | None = None,
    areas: Sequence[str] = (),
    theme: str = "base",
    tagline: str = "",
    primary_colour: str = "#1d4f91",
    logo: str = "",
    house_rules: str = "",
    postcodes: Sequence[str] = (),
    progress: Progress = _quiet,
) -> Provisioned:
    """Create the wijk, its schema (a clone of the template) and its domain, or bring an existing one up to
    date with these values. Bad input raises ValidationError and changes nothing."""
    slug = (slug or "").strip().lower()
    validate_slug(slug)
    domain = (domain or f"{slug}.{settings.WIJKMARKT_BASE_DOMAIN}").strip().lower()
    if not DOMAIN_PATTERN.fullmatch(domain) or domain == settings.WIJKMARKT_BASE_DOMAIN:
        raise ValidationError(
            {
                "domain": ValidationError(
                    _("%(domain)s is geen geldig domein."), code=WijkErrorCode.INVALID_DOMAIN, params={"domain": domain}
                )
            }
        )
    taken = Domain.objects.filter(domain=domain).exclude(tenant__schema_name=slug).first()
    if taken is not None:
        raise ValidationError(
            {
                "domain": ValidationError(
                    _("Het domein %(domain)s hoort al bij %(other)s."),
                    code=WijkErrorCode.DUPLICATE_DOMAIN,
                    params={"domain": domain, "other": taken.tenant.name},
                )
            }
        )

    tenant_connection().set_schema_to_public()
    ensure_template_schema(progress=progress)
    wijk = Wijk.objects.filter(schema_name=slug).first()
    created = wijk is None
    wijk = wijk or Wijk(schema_name=slug)
    wijk.name = (name or "").strip()
    wijk.status = status
    wijk.areas = list(areas)
    wijk.theme = theme
    wijk.tagline = tagline
    wijk.primary_colour = primary_colour
    wijk.logo = logo
    wijk.house_rules = house_rules
    wijk.postcodes = list(postcodes)
    wijk.full_clean()

    with transaction.atomic():
        # Schema DDL is transactional in PostgreSQL: a failure below leaves neither row nor schema behind.
        progress(f"{slug}: {'schema klonen uit het sjabloon' if created else 'gegevens bijwerken'}")
        wijk.save()
        if not schema_exists(slug):
            if not created:
                progress(f"{slug}: schema ontbreekt, opnieuw klonen")
            if settings.TENANT_CREATION_FAKES_MIGRATIONS:
                _clone_template_into(slug)
            else:  # cloning switched off (tests/performance/bench_provisioning.py compares): every migration
                wijk.create_schema(check_if_exists=True, verbosity=0)
        Domain.objects.get_or_create(domain=domain, tenant=wijk, defaults={"is_primary": True})
    tenant_connection().set_schema_to_public()
    forget_hosts(wijk)
    progress(f"{slug}: klaar op {domain}")
    return Provisioned(wijk=wijk, created=created)


def set_wijk_status(*, wijk: Wijk, status: str) -> Wijk:
    """Move a wijk to another stage of its life (what each stage means: OPEN_FOR_SIGN_UP, SITE_VISIBLE in models.py).
    The first time it opens (pilot or live) records started_on; ending records ended_on, leaving "ended" clears it."""
    if status not in WijkStatus.values:
        raise ValidationError(
            {"status": ValidationError(_("Kies een van de statussen uit de lijst."), code=WijkErrorCode.INVALID)}
        )
    today = timezone.localdate()
    with transaction.atomic():
        wijk = Wijk.objects.select_for_update().get(pk=wijk.pk)
        wijk.status = status
        if status in (WijkStatus.PILOT, WijkStatus.LIVE) and wijk.started_on is None:
            wijk.started_on = today
        wijk.ended_on = today if status == WijkStatus.ENDED else None
        wijk.save(update_fields=["status", "started_on", "ended_on"])
    transaction.on_commit(lambda: forget_hosts(wijk))
    return wijk


# What update_wijk may change: the branding and the local rules, never the slug, schema or template flag.
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "tagline",
        "theme",
        "primary_colour",
        "logo",
        "modules",
        "points_enabled",
        "listing_expiry_days",
        "done_objection_days",
        "house_rules",
        "postcodes",
    }
)


def update_wijk(*, wijk: Wijk, changes: dict) -> Wijk:
    """Change a wijk's branding or local rules; the model's validators (theme, colour contrast, ranges, postcodes)
    refuse bad values and nothing is written then."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        wijk = Wijk.objects.select_for_update().get(pk=wijk.pk)
        for field, value in changes.items():
            setattr(wijk, field, value)
        wijk.full_clean()
        wijk.save(update_fields=sorted(changes))
    transaction.on_commit(lambda: forget_hosts(wijk))
    return wijk
