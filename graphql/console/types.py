"""Types of the coordinators' console (portal only): evaluation figures, audit log entries, coordinators, errors."""

import graphene

from wijkmarkt.graphql.core.types import error_type
from wijkmarkt.graphql.wijken.types import WijkType
from wijkmarkt.platform.console.errors import ConsoleErrorCode as DomainErrorCode
from wijkmarkt.platform.console.models import AuditAction, AuditVia

ConsoleErrorCode = graphene.Enum(
    "ConsoleErrorCode",
    [(code.name, code.value.upper()) for code in DomainErrorCode],
    description="Why a console change or question did not go through; `message` says it in words.",
)
ConsoleError = error_type("ConsoleError", ConsoleErrorCode)
AuditActionEnum = graphene.Enum.from_enum(AuditAction, description="What a coordinator did.")
AuditViaEnum = graphene.Enum.from_enum(AuditVia, description="Through the website or the API.")


class ConsoleWijk(graphene.ObjectType):
    """A wijk as the console shows it: the wijk and what its status means for its site."""

    wijk = graphene.Field(graphene.NonNull(WijkType), description="The wijk.")
    status_meaning = graphene.String(required=True, description="What the current status means for the site.")
    site_visible = graphene.Boolean(required=True, description="Whether the wijk's site can be seen.")
    ended_on = graphene.Date(description="When the wijk ended, if it did.")


class Coordinator(graphene.ObjectType):
    """An account with (or, after revoking, without) the citywide coordinator role."""

    email = graphene.String(required=True, description="The account's e-mail address.")
    first_name = graphene.String(required=True, description="First name.")
    is_coordinator = graphene.Boolean(required=True, description="Whether the account now has the role.")


class EvaluationFigures(graphene.ObjectType):
    """The figures of one wijk, or of the whole city (slug null), over the period. Counts and medians only."""

    slug = graphene.String(description="The wijk's slug; null for the whole city.")
    name = graphene.String(required=True, description="The wijk's name, or 'Heel Haarlem'.")
    exchanges_website = graphene.Int(required=True, description="Exchanges started in the period via the website.")
    exchanges_makelaar = graphene.Int(required=True, description="Exchanges started via the social broker.")
    residents_asking = graphene.Int(required=True, description="Members who only asked (requested or received).")
    residents_offering = graphene.Int(required=True, description="Members who only offered (offered or helped).")
    residents_both = graphene.Int(required=True, description="Members who did both.")
    requests_answered = graphene.Int(required=True, description="Requests placed in the period that got a response.")
    response_median_hours = graphene.Float(description="Median hours from a request to its first response.")
    agreement_median_hours = graphene.Float(description="Median hours from a request to its first agreement.")
    done_exchanges = graphene.Int(required=True, description="Exchanges done in the period.")
    done_hours = graphene.Float(required=True, description="Hours of help of the exchanges done in the period.")
    satisfaction_start_count = graphene.Int(required=True, description="Satisfaction surveys at a plan's start.")
    satisfaction_start = graphene.Float(description="Their average score, 1 to 5.")
    satisfaction_end_count = graphene.Int(required=True, description="Satisfaction surveys at a plan's end.")
    satisfaction_end = graphene.Float(description="Their average score, 1 to 5.")
    signals_opened = graphene.Int(required=True, description="Signals about residents received in the period.")
    signals_closed = graphene.Int(required=True, description="Signals closed in the period.")
    hand_overs = graphene.Int(required=True, description="Warm hand-overs to partners in the period.")

    @staticmethod
    def resolve_slug(figures, info):
        return figures.slug or None

    @staticmethod
    def resolve_done_hours(figures, info):
        return float(figures.done_hours)


class EvaluationResult(graphene.ObjectType):
    """Evaluation figures per wijk and for the whole city, or the errors in the question."""

    since = graphene.Date(description="First day of the period.")
    until = graphene.Date(description="Last day of the period (included).")
    wijken = graphene.List(graphene.NonNull(EvaluationFigures), required=True, description="One entry per wijk.")
    citywide = graphene.Field(EvaluationFigures, description="The whole city (the wijken asked for together).")
    errors = graphene.List(graphene.NonNull(ConsoleError), required=True, description="What to fix; empty if none.")


class AuditEntryType(graphene.ObjectType):
    """One line of the coordinators' audit log."""

    class Meta:
        name = "AuditEntry"

    at = graphene.DateTime(required=True, description="When.")
    coordinator_email = graphene.String(required=True, description="Who.")
    action = graphene.Field(graphene.NonNull(AuditActionEnum), description="What kind of action.")
    via = graphene.Field(graphene.NonNull(AuditViaEnum), description="Website or API.")
    wijken = graphene.List(graphene.NonNull(graphene.String), required=True, description="Slugs of the wijken.")
    summary = graphene.String(required=True, description="What exactly.")
