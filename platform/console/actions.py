"""Every write of the coordinators' console: a wijk's status, branding and local rules, provisioning a new wijk,
partner links, the coordinator role; and the audit log entry that goes with each of them, written in the same
transaction (an action that rolls back leaves no entry, an entry never lacks its action). Reads of figures across
wijken are logged here too (record_figures_read).

Pages, GraphQL mutations, the demo and tests call these; each checks that the caller is a coordinator. The registry
writes themselves stay in platform/wijken/actions.py (the provision_wijk command uses the same one)."""

from collections.abc import Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.email_address import clean_email
from wijkmarkt.platform.accounts.models import User
from wijkmarkt.platform.console.access import require_coordinator
from wijkmarkt.platform.console.errors import ConsoleErrorCode as Code
from wijkmarkt.platform.console.models import AuditAction, AuditEntry, AuditVia
from wijkmarkt.platform.errors import collect, fail
from wijkmarkt.platform.partners import actions as partner_actions
from wijkmarkt.platform.partners.models import ContactPerson, Partner
from wijkmarkt.platform.plaintext import clean_text
from wijkmarkt.platform.wijken import actions as wijk_actions
from wijkmarkt.platform.wijken.actions import Progress, Provisioned
from wijkmarkt.platform.wijken.models import Module, Wijk, WijkStatus, postcode_validator
from wijkmarkt.themes.registry import THEMES_DIR, available_themes, validate_primary_colour

MAX_POSTCODES = 200


def logo_choices() -> list[str]:
    """The logos the themes ship (themes/<theme>/static/themes/<theme>/logo.svg), as static paths."""
    return sorted(
        f"themes/{theme}/logo.svg"
        for theme in available_themes()
        if Path(THEMES_DIR, theme, "static", "themes", theme, "logo.svg").is_file()
    )


def _audit(coordinator: User, action: AuditAction, via: AuditVia, summary: str, wijken: Sequence[str] = ()):
    return AuditEntry.objects.create(
        coordinator=coordinator,
        coordinator_email=coordinator.email,
        action=action,
        via=via,
        wijken=sorted(wijken),
        summary=summary[:500],
    )


def _status(value: str) -> str:
    if value not in WijkStatus.values:
        raise fail("status", _("Kies een van de statussen uit de lijst."), Code.INVALID_STATUS)
    return value


def _theme(value: str) -> str:
    if value not in available_themes():
        raise fail("theme", _("Kies een van de thema's uit de lijst."), Code.INVALID_THEME)
    return value


def _colour(value: str) -> str:
    value = (value or "").strip().lower()
    try:
        validate_primary_colour(value)
    except ValidationError as error:
        code = Code.LOW_CONTRAST if error.code == "low_contrast" else Code.INVALID_COLOUR
        raise fail("primary_colour", error.messages[0], code) from None
    return value


def _logo(value: str) -> str:
    value = (value or "").strip()
    if value and value not in logo_choices():
        raise fail("logo", _("Kies een van de logo's uit de lijst."), Code.INVALID_LOGO)
    return value


def _number(field: str, value, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        raise fail(
            field,
            _("Geef een heel getal van %(low)s tot en met %(high)s.") % {"low": low, "high": high},
            Code.INVALID_NUMBER,
        )
    return number


def _modules(values: Sequence[str]) -> list[str]:
    if any(value not in Module.values for value in values):
        raise fail("modules", _("Kies onderdelen uit de lijst."), Code.INVALID_CHOICE)
    return [module for module in Module.values if module in values]  # the order of the list, no doubles


def _postcodes(values: Sequence[str]) -> list[str]:
    cleaned = []
    for value in values:
        postcode = " ".join((value or "").upper().split())
        if not postcode:
            continue
        try:
            postcode_validator(postcode)
        except ValidationError:
            raise fail(
                "postcodes",
                _(
                    "%(postcode)s is geen postcode. Een postcode is vier cijfers, eventueel met "
                    "twee hoofdletters: 2032 of 2032 AB."
                )
                % {"postcode": postcode[:20]},
                Code.INVALID_POSTCODE,
            ) from None
        if postcode not in cleaned:
            cleaned.append(postcode)
    if len(cleaned) > MAX_POSTCODES:
        raise fail("postcodes", _("Maximaal %(max)s postcodes.") % {"max": MAX_POSTCODES}, Code.TOO_LONG)
    return cleaned


def _branding_checks(name, tagline, theme, primary_colour, logo) -> dict:
    return {
        "name": lambda: clean_text(name, field="name", max_length=80),
        "tagline": lambda: clean_text(tagline, field="tagline", max_length=160, required=False),
        "theme": lambda: _theme(theme),
        "primary_colour": lambda: _colour(primary_colour),
        "logo": lambda: _logo(logo),
    }


def change_wijk_status(*, coordinator: User, wijk: Wijk, status: str, via: AuditVia) -> Wijk:
    require_coordinator(coordinator)
    status = _status(status)
    before = wijk.get_status_display()
    with transaction.atomic():
        wijk = wijk_actions.set_wijk_status(wijk=wijk, status=status)
        _audit(
            coordinator,
            AuditAction.SET_STATUS,
            via,
            f"{wijk.name}: {before} -> {wijk.get_status_display()}",
            [wijk.slug],
        )
    return wijk


def update_wijk_branding(
    *, coordinator: User, wijk: Wijk, name: str, tagline: str, theme: str, primary_colour: str, logo: str, via: AuditVia
) -> Wijk:
    require_coordinator(coordinator)
    values = collect(_branding_checks(name, tagline, theme, primary_colour, logo))
    with transaction.atomic():
        wijk = wijk_actions.update_wijk(wijk=wijk, changes=values)
        _audit(
            coordinator,
            AuditAction.UPDATE_BRANDING,
            via,
            f"{wijk.name}: {values['theme']}, {values['primary_colour']}",
            [wijk.slug],
        )
    return wijk


def update_wijk_rules(
    *,
    coordinator: User,
    wijk: Wijk,
    modules: Sequence[str],
    points_enabled: bool,
    listing_expiry_days: int,
    done_objection_days: int,
    house_rules: str,
    postcodes: Sequence[str],
    via: AuditVia,
) -> Wijk:
    require_coordinator(coordinator)
    values = collect(
        {
            "modules": lambda: _modules(modules),
            "points_enabled": lambda: bool(points_enabled),
            "listing_expiry_days": lambda: _number("listing_expiry_days", listing_expiry_days, 7, 365),
            "done_objection_days": lambda: _number("done_objection_days", done_objection_days, 1, 60),
            "house_rules": lambda: clean_text(
                house_rules, field="house_rules", max_length=5000, required=False, multiline=True
            ),
            "postcodes": lambda: _postcodes(postcodes),
        }
    )
    with transaction.atomic():
        wijk = wijk_actions.update_wijk(wijk=wijk, changes=values)
        points = _("punten aan") if values["points_enabled"] else _("punten uit")
        _audit(
            coordinator,
            AuditAction.UPDATE_RULES,
            via,
            f"{wijk.name}: {', '.join(values['modules']) or '-'}; {points}; "
            f"{values['listing_expiry_days']}/{values['done_objection_days']} dagen",
            [wijk.slug],
        )
    return wijk


def provision_new_wijk(
    *,
    coordinator: User,
    slug: str,
    name: str,
    status: str = WijkStatus.PLANNED,
    areas: Sequence[str] = (),
    theme: str = "base",
    tagline: str = "",
    primary_colour: str = "#1d4f91",
    logo: str = "",
    via: AuditVia,
    progress: Progress | None = None,
) -> Provisioned:
    """A new wijk from the console, through the same provision_wijk as the command (a clone of the template). Unlike
    the command, the console never changes an existing wijk this way: that is what branding and rules are for."""
    require_coordinator(coordinator)
    slug = (slug or "").strip().lower()
    values = collect(
        {
            "slug": lambda: wijk_actions.validate_slug(slug),
            "status": lambda: _status(status),
            "areas": lambda: [clean_text(area, field="areas", max_length=80) for area in areas if (area or "").strip()],
            **_branding_checks(name, tagline, theme, primary_colour, logo),
        }
    )
    if Wijk.objects.filter(schema_name=slug).exists():
        raise fail("slug", _("Er is al een wijk met de korte naam %(slug)s.") % {"slug": slug}, Code.WIJK_EXISTS)
    values.update(slug=slug, **({"progress": progress} if progress else {}))
    with transaction.atomic():
        provisioned = wijk_actions.provision_wijk(**values)
        _audit(
            coordinator,
            AuditAction.PROVISION,
            via,
            f"{provisioned.wijk.name} ({slug}), {provisioned.wijk.get_status_display()}",
            [slug],
        )
    return provisioned


def link_partner(
    *,
    coordinator: User,
    wijk: Wijk,
    partner: Partner,
    offer: str = "",
    contact: ContactPerson | None = None,
    via: AuditVia,
):
    require_coordinator(coordinator)
    with transaction.atomic():
        link = partner_actions.link_partner_to_wijk(wijk=wijk, partner=partner, offer=offer, contact=contact)
        _audit(coordinator, AuditAction.LINK_PARTNER, via, f"{partner.name} in {wijk.name}", [wijk.slug])
    return link


def unlink_partner(*, coordinator: User, wijk: Wijk, partner: Partner, via: AuditVia) -> None:
    require_coordinator(coordinator)
    with transaction.atomic():
        partner_actions.unlink_partner_from_wijk(wijk=wijk, partner=partner)
        _audit(coordinator, AuditAction.UNLINK_PARTNER, via, f"{partner.name} uit {wijk.name}", [wijk.slug])


def _account_by_email(email: str) -> User:
    email = clean_email(email)
    user = User.objects.select_for_update().filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise fail(
            "email",
            _("Er is geen account met dit e-mailadres. Vraag de persoon eerst een account aan te maken."),
            Code.UNKNOWN_ACCOUNT,
        )
    return user


def grant_coordinator(*, coordinator: User, email: str, via: AuditVia) -> User:
    require_coordinator(coordinator)
    with transaction.atomic():
        user = _account_by_email(email)
        if user.is_coordinator:
            raise fail("email", _("%(email)s is al coördinator.") % {"email": user.email}, Code.ALREADY_COORDINATOR)
        User.objects.filter(pk=user.pk).update(is_coordinator=True)
        user.is_coordinator = True
        _audit(coordinator, AuditAction.GRANT_COORDINATOR, via, user.email)
    return user


def revoke_coordinator(*, coordinator: User, email: str, via: AuditVia) -> User:
    """Never the last one: the rows of every coordinator are locked first, so two coordinators revoking each other
    at the same moment cannot leave the city without one."""
    require_coordinator(coordinator)
    with transaction.atomic():
        active = list(User.objects.select_for_update().filter(is_coordinator=True, is_active=True).order_by("pk"))
        user = _account_by_email(email)
        if not user.is_coordinator:
            raise fail("email", _("%(email)s is geen coördinator.") % {"email": user.email}, Code.NOT_COORDINATOR)
        if [other for other in active if other.pk != user.pk] == []:
            raise fail(
                "email", _("Dit is de laatste coördinator. Geef eerst iemand anders de rol."), Code.LAST_COORDINATOR
            )
        User.objects.filter(pk=user.pk).update(is_coordinator=False)
        user.is_coordinator = False
        _audit(coordinator, AuditAction.REVOKE_COORDINATOR, via, user.email)
    return user


def record_figures_read(
    *, coordinator: User, wijken: Sequence[str], summary: str, via: AuditVia, export: bool = False
) -> AuditEntry:
    """A cross-wijk read: the evaluation figures of these wijken were computed for this coordinator."""
    require_coordinator(coordinator)
    action = AuditAction.EXPORT_FIGURES if export else AuditAction.READ_FIGURES
    with transaction.atomic():
        return _audit(coordinator, action, via, summary, wijken)
