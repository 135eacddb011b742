"""Reads of household help, inside the active wijk's schema: the search over the directory and the plain-Dutch
explanation of why a provider fits."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wijkmarkt.tenants.care.models import SLOTS, Activity, Provider, ProviderKind
from wijkmarkt.tenants.marketplace.models import DayPart, Street, Weekday
from wijkmarkt.tenants.marketplace.selectors import distance_from


def wanted_slots(days: list[str], parts: list[str]) -> list[str]:
    """The slots a search asks for: chosen days x chosen parts of the day (all of one when the other is chosen)."""
    if not days and not parts:
        return []
    days = days or Weekday.values
    parts = parts or DayPart.values
    return [slot for slot in SLOTS if slot.split("_")[0] in days and slot.split("_")[1] in parts]


def available_in(providers: QuerySet[Provider], slots: list[str]) -> QuerySet[Provider]:
    return providers.filter(available__overlap=slots) if slots else providers


def doing(providers: QuerySet[Provider], activities: list[str]) -> QuerySet[Provider]:
    return providers.filter(activities__contains=activities) if activities else providers


def paid_by(providers: QuerySet[Provider], funding: str) -> QuerySet[Provider]:
    if funding == "natura":
        return providers.filter(in_natura=True)
    if funding == "pgb":
        return providers.filter(pgb=True)
    return providers


def providers_near(providers: QuerySet[Provider], street: Street, within_m: int | None = None) -> QuerySet[Provider]:
    """Annotate `distance_m`; with a limit, keep only providers within it (one without a street has no distance)."""
    providers = providers.annotate(distance_m=distance_from(street))
    return providers.filter(distance_m__lte=within_m) if within_m else providers


def slot_label(slot: str) -> str:
    day, part = slot.split("_")
    return _("%(day)s%(part)s") % {"day": Weekday(day).label, "part": DayPart(part).label}


def activity_labels(values: list[str]) -> list[str]:
    return [str(Activity(value).label) for value in values]


def distance_label(metres: float) -> str:
    if metres < 1000:
        return _("%(m)s m van u") % {"m": max(50, round(metres / 50) * 50)}
    return _("%(km)s km van u") % {"km": f"{metres / 1000:.1f}".replace(".", ",")}


def explain(provider: Provider, slots: list[str] = (), activities: list[str] = ()) -> str:
    """Why this provider is in the results, in one plain sentence: "Werkt dinsdagochtend, 600 m van u,
    gecontracteerd door de gemeente"."""
    parts = []
    matching = [slot for slot in slots if slot in provider.available] or list(provider.available)
    if matching:
        shown = ", ".join(slot_label(slot) for slot in matching[:3])
        more = _(" en vaker") if len(matching) > 3 else ""
        parts.append(_("werkt %(times)s%(more)s") % {"times": shown, "more": more})
    else:
        parts.append(_("tijden in overleg"))
    distance = getattr(provider, "distance_m", None)
    if distance is not None:
        parts.append(distance_label(distance))
    if provider.kind == ProviderKind.CONTRACTED:
        parts.append(_("gecontracteerd door de gemeente"))
    if provider.in_natura and provider.kind != ProviderKind.CONTRACTED:
        parts.append(_("zorg in natura"))
    if provider.pgb:
        parts.append(_("te betalen uit een pgb"))
    if activities:
        parts.append(_("doet wat u zoekt"))
    sentence = ", ".join(str(part) for part in parts)
    return sentence[:1].upper() + sentence[1:]
