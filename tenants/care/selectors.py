"""Reads of household help, inside the active wijk's schema: the search over the directory and the plain-Dutch
explanation of why a provider fits, a provider's worklist, where a support plan stands, and the satisfaction
figures for the evaluation."""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijkmarkt.tenants.care.models import (
    SATISFACTION_QUESTIONS,
    SLOTS,
    Activity,
    HelpRequest,
    HelpRequestStatus,
    Moment,
    PlanAgreement,
    PlanSide,
    Provider,
    ProviderKind,
    SatisfactionMeasurement,
    SupportPlan,
    SupportPlanVersion,
)
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
    if funding == "private":
        return providers.filter(in_natura=False)
    return providers


def in_area(providers: QuerySet[Provider], area: str) -> QuerySet[Provider]:
    """Providers that name this area of the wijk, or name none (they work in the whole wijk)."""
    return providers.filter(Q(areas__contains=[area]) | Q(areas=[])) if area else providers


def providers_near(providers: QuerySet[Provider], street: Street, within_m: int | None = None) -> QuerySet[Provider]:
    """Annotate `distance_m`; with a limit, keep only providers within it (one without a street has no distance)."""
    providers = providers.annotate(distance_m=distance_from(street))
    return providers.filter(distance_m__lte=within_m) if within_m else providers


def slot_label(slot: str) -> str:
    return _slot_label(slot, get_language())


@lru_cache(maxsize=len(SLOTS) * 4)
def _slot_label(slot: str, language: str | None) -> str:
    """Per language: translating the day and part took a tenth of a page of 50 providers (bench_care profile)."""
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
        parts.append(_("doet %(what)s") % {"what": ", ".join(activity_labels(activities))})
    sentence = ", ".join(str(part) for part in parts)
    return sentence[:1].upper() + sentence[1:]


def worklist(requests: QuerySet[HelpRequest], status: str | None = None) -> QuerySet[HelpRequest]:
    """A provider's incoming requests: the ones to answer first (oldest first, so nobody waits longest), then the
    rest newest first; optionally one status only."""
    if status:
        requests = requests.filter(status=status)
    waiting = Case(When(status=HelpRequestStatus.SENT, then=Value(0)), default=Value(1))
    return requests.order_by(waiting, "created_at" if status == HelpRequestStatus.SENT else "-created_at")


def with_versions(plans: QuerySet[SupportPlan]) -> QuerySet[SupportPlan]:
    """Plans with every version and its agreements in three queries, whatever the number of plans."""
    versions = SupportPlanVersion.objects.select_related("written_by").prefetch_related(
        Prefetch("agreements", queryset=PlanAgreement.objects.select_related("agreed_by"))
    )
    return plans.prefetch_related(
        Prefetch("versions", queryset=versions),
        Prefetch("measurements", queryset=SatisfactionMeasurement.objects.select_related("recorded_by")),
    )


@dataclass(frozen=True)
class PlanState:
    """Where a plan stands: its newest version, whether each side agreed to it, and the version in force (the
    newest one both sides agreed to; None before the first agreement)."""

    current: SupportPlanVersion
    resident_agreed: bool
    professional_agreed: bool
    in_force: SupportPlanVersion | None

    @property
    def agreed(self) -> bool:
        return self.resident_agreed and self.professional_agreed


def sides_agreed(version: SupportPlanVersion) -> set[str]:
    return {agreement.side for agreement in version.agreements.all()}


def is_agreed(version: SupportPlanVersion) -> bool:
    """Both sides agreed to this version (from prefetched agreements when there are)."""
    return sides_agreed(version) == set(PlanSide.values)


def plan_state(plan: SupportPlan) -> PlanState:
    """From prefetched versions (with_versions) when there are, else two queries."""
    versions = sorted(plan.versions.all(), key=lambda version: -version.number)
    current = versions[0]
    sides = sides_agreed(current)
    in_force = next((version for version in versions if is_agreed(version)), None)
    return PlanState(
        current=current,
        resident_agreed=PlanSide.RESIDENT in sides,
        professional_agreed=PlanSide.PROFESSIONAL in sides,
        in_force=in_force,
    )


@dataclass(frozen=True)
class SatisfactionFigures:
    """Start against end over a period, for one wijk: how many measurements and their average (1 to 5) overall
    and per question (in the order of SATISFACTION_QUESTIONS); None where nothing was measured."""

    start_count: int
    start_average: float | None
    start_per_question: list[float | None]
    end_count: int
    end_average: float | None
    end_per_question: list[float | None]

    @property
    def change(self) -> float | None:
        if self.start_average is None or self.end_average is None:
            return None
        return round(self.end_average - self.start_average, 2)


def _averages(measurements: list[SatisfactionMeasurement]) -> tuple[float | None, list[float | None]]:
    if not measurements:
        return None, [None] * len(SATISFACTION_QUESTIONS)
    per_question = []
    for number in range(len(SATISFACTION_QUESTIONS)):
        scores = [m.scores[number] for m in measurements if number < len(m.scores)]
        per_question.append(round(sum(scores) / len(scores), 2) if scores else None)
    overall = round(sum(m.average for m in measurements) / len(measurements), 2)
    return overall, per_question


def satisfaction_start_vs_end(*, since: dt.date, until: dt.date) -> SatisfactionFigures:
    """The active wijk's start and end measurements taken between `since` and `until` (both included). The console's
    evaluation does not call this: statements per wijk cost most of its time at 100 wijken, so it counts the same
    averages in one SQL statement over all wijken (tenants/care/evaluation.py), held by a test to this reading."""
    rows = list(
        SatisfactionMeasurement.objects.filter(
            moment__in=[Moment.START, Moment.END], measured_on__range=(since, until)
        ).only("moment", "scores")
    )
    start, start_questions = _averages([row for row in rows if row.moment == Moment.START])
    end, end_questions = _averages([row for row in rows if row.moment == Moment.END])
    return SatisfactionFigures(
        start_count=sum(row.moment == Moment.START for row in rows),
        start_average=start,
        start_per_question=start_questions,
        end_count=sum(row.moment == Moment.END for row in rows),
        end_average=end,
        end_per_question=end_questions,
    )
