"""Console queries (portal only, coordinators only): the wijken with what their status means, the evaluation
figures (each call is written to the audit log as a cross-wijk read) and the audit log."""

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkmarkt.graphql.console.access import require_coordinator_on_portal
from wijkmarkt.graphql.console.types import AuditEntryType, ConsoleErrorCode, ConsoleWijk, EvaluationResult
from wijkmarkt.graphql.core.errors import user_errors
from wijkmarkt.platform.console.actions import record_figures_read
from wijkmarkt.platform.console.evaluation import evaluate, validate_period, wijken_for_evaluation
from wijkmarkt.platform.console.models import AuditVia
from wijkmarkt.platform.console.selectors import audit_entries, status_meaning
from wijkmarkt.platform.wijken.selectors import wijken_listed

MAX_AUDIT_ENTRIES = 100
# The period's fields are called since/until in Python and from/to in the API.
_PERIOD_FIELDS = {"since": "from", "until": "to"}


def _period_errors(error: ValidationError) -> list[dict]:
    items = user_errors(error, ConsoleErrorCode)
    for item in items:
        item["field"] = _PERIOD_FIELDS.get(item["field"], item["field"])
    return items


class ConsoleQueries(graphene.ObjectType):
    console_wijken = graphene.List(
        graphene.NonNull(ConsoleWijk),
        required=True,
        description="Every wijk with its status and what that means for its site (coordinators, portal only).",
    )
    evaluation_figures = graphene.Field(
        graphene.NonNull(EvaluationResult),
        from_=graphene.Date(name="from", required=True, description="First day of the period."),
        to=graphene.Date(required=True, description="Last day of the period (included)."),
        wijk=graphene.String(description="One wijk's slug; leave out for every wijk."),
        description="Evaluation figures per wijk and citywide over a period (coordinators, portal only). "
        "Every call is written to the coordinators' audit log.",
    )
    audit_log = graphene.List(
        graphene.NonNull(AuditEntryType),
        required=True,
        coordinator_email=graphene.String(description="Only this coordinator's entries."),
        wijk=graphene.String(description="Only entries about this wijk (slug)."),
        from_=graphene.Date(name="from", description="From this day."),
        to=graphene.Date(description="Up to and including this day."),
        first=graphene.Int(description=f"How many, newest first; at most {MAX_AUDIT_ENTRIES} (the default)."),
        offset=graphene.Int(description="How many newest entries to skip."),
        description="The coordinators' audit log, newest first (coordinators, portal only).",
    )

    @staticmethod
    def resolve_console_wijken(root, info):
        require_coordinator_on_portal(info)
        return [
            ConsoleWijk(
                wijk=wijk,
                status_meaning=status_meaning(wijk.status),
                site_visible=wijk.site_visible,
                ended_on=wijk.ended_on,
            )
            for wijk in wijken_listed()
        ]

    @staticmethod
    def resolve_evaluation_figures(root, info, from_, to, wijk=None):
        user = require_coordinator_on_portal(info)
        try:
            since, until = validate_period(from_, to)
        except ValidationError as error:
            return EvaluationResult(wijken=[], errors=_period_errors(error))
        wijken = wijken_for_evaluation(wijk)
        if wijk and not wijken:
            error = ValidationError({"wijk": ValidationError(_("Deze wijk bestaat niet."), code="invalid_choice")})
            return EvaluationResult(wijken=[], errors=user_errors(error, ConsoleErrorCode))
        result = evaluate(since=since, until=until, wijken=wijken)
        record_figures_read(
            coordinator=user, wijken=result.slugs, via=AuditVia.GRAPHQL, summary=f"Cijfers {since} t/m {until}"
        )
        return EvaluationResult(since=since, until=until, wijken=result.wijken, citywide=result.citywide, errors=[])

    @staticmethod
    def resolve_audit_log(root, info, coordinator_email="", wijk="", from_=None, to=None, first=None, offset=None):
        require_coordinator_on_portal(info)
        first = MAX_AUDIT_ENTRIES if first is None else max(0, min(first, MAX_AUDIT_ENTRIES))
        offset = max(0, offset or 0)
        entries = audit_entries(coordinator_email=coordinator_email or "", wijk=wijk or "", since=from_, until=to)
        return entries[offset : offset + first]
