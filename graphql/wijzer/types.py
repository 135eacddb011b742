"""GraphQL types of the Eigen Kracht Wijzer: an assessment (a wijk-scoped node reachable only by the resident, their
proxy and the makelaar), its answers, and its suggestions with the reasons from the rule version that made them.
Reading the answers, suggestions or application of someone else's assessment is written to the access log, once
per assessment per request."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.care.types import ProviderType
from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.graphql.membership.types import PlacedAsEnum
from wijkmarkt.tenants.privacy.models import Channel
from wijkmarkt.tenants.wijzer import questions
from wijkmarkt.tenants.wijzer import rules as rulebook
from wijkmarkt.tenants.wijzer.access import assessments_of, log_read
from wijkmarkt.tenants.wijzer.models import Assessment, AssessmentStatus
from wijkmarkt.tenants.wijzer.selectors import answered, outcome_of

AssessmentStatusEnum = graphene.Enum.from_enum(
    AssessmentStatus, name="SelfAssessmentStatus", description="A draft to finish later, or finished with an outcome."
)
QuestionKeyEnum = graphene.Enum(
    "WijzerQuestionKey",
    [(key.upper(), key) for key in questions.KEYS],
    description="The Wijzer's questions in the order they are asked: hard tasks, who is around, what the resident "
    "can still do themselves, urgency.",
)
SuggestionKindEnum = graphene.Enum(
    "WijzerSuggestionKind",
    [(kind.upper(), kind) for kind in rulebook.KINDS],
    description="Where a suggestion belongs, in the documents' order: yourself, your network, neighbours, general "
    "services, household-help providers, the municipality, call or visit us.",
)

SELF_ASSESSMENT_RELATED = ("member__user", "member__profile__street", "rule_set", "finished_by", "started_by")


def reading(info, assessment: Assessment) -> Assessment:
    """Log a read of the sensitive parts by anyone but the resident, once per assessment in this request."""
    logged = info.context.__dict__.setdefault("wijzer_logged", set())
    if assessment.pk not in logged:
        logged.add(assessment.pk)
        log_read(viewer(info).actor, assessment, via=Channel.GRAPHQL)
    return assessment


class WijzerChoice(graphene.ObjectType):
    """One answer a question offers."""

    value = graphene.String(required=True, description="The code to send in `answerSelfAssessment`.")
    label = graphene.String(required=True, description="The answer in the viewer's language.")


class WijzerQuestion(graphene.ObjectType):
    """One question of the Wijzer, with the answers it offers (for "what can you still do yourself": the tasks
    chosen as hard)."""

    key = graphene.Field(graphene.NonNull(QuestionKeyEnum), description="Which question.")
    text = graphene.String(required=True, description="The question, in the viewer's language.")
    hint = graphene.String(required=True, description="A short help text.")
    multiple = graphene.Boolean(required=True, description="True: several answers may be chosen; false: one.")
    choices = graphene.List(graphene.NonNull(WijzerChoice), required=True, description="The answers offered.")


def question_list(answers: dict) -> list[WijzerQuestion]:
    return [
        WijzerQuestion(
            key=q.key,
            text=str(q.text),
            hint=str(q.hint),
            multiple=q.multiple,
            choices=[WijzerChoice(value=v, label=label) for v, label in questions.choices(q.key, answers)],
        )
        for q in questions.QUESTIONS
    ]


class WijzerAnswer(graphene.ObjectType):
    """The answer given to one question."""

    question = graphene.Field(graphene.NonNull(QuestionKeyEnum), description="Which question.")
    text = graphene.String(required=True, description="The question, in the viewer's language.")
    values = graphene.List(graphene.NonNull(graphene.String), required=True, description="The codes chosen.")
    labels = graphene.List(graphene.NonNull(graphene.String), required=True, description="The answers in words.")


class WijzerSuggestion(graphene.ObjectType):
    """One suggestion of a finished assessment, with why it was given."""

    rule = graphene.Int(required=True, description="The number of the rule that gave it, in `ruleVersion`.")
    kind = graphene.Field(graphene.NonNull(SuggestionKindEnum), description="Where the suggestion belongs.")
    kind_label = graphene.String(required=True, description="The heading of its kind, in the viewer's language.")
    title = graphene.String(required=True, description="The suggestion's heading, as the wijk wrote it.")
    text = graphene.String(required=True, description="The tip or explanation, as the wijk wrote it.")
    tasks = graphene.List(graphene.NonNull(graphene.String), required=True, description="The task codes it is about.")
    why = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Why it was given: the answers the rule matched, in plain sentences.",
    )
    request_url = graphene.String(description="Neighbours: the wijk page with a pre-filled marketplace request.")
    providers = graphene.List(
        graphene.NonNull(ProviderType), required=True, description="Household-help providers that fit, for that kind."
    )
    application_url = graphene.String(description="Municipality: the page with the pre-filled application.")


class WijzerApplication(graphene.ObjectType):
    """The application to the municipality sent from this assessment."""

    tasks = graphene.List(graphene.NonNull(graphene.String), required=True, description="Task codes applied for.")
    situation = graphene.String(required=True, description="The situation as described, plain text.")
    placed_as = graphene.Field(graphene.NonNull(PlacedAsEnum), description="Sent by the resident, proxy or makelaar.")
    sent_at = graphene.DateTime(required=True, description="When it was sent.")


class SelfAssessmentType(DjangoObjectType):
    """An Eigen Kracht Wijzer of a resident: a draft to finish later, or finished with explained suggestions.
    Only the resident, their proxy and the wijk's makelaar reach it; reads by others than the resident are logged."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="Whose assessment it is.")
    status = graphene.Field(graphene.NonNull(AssessmentStatusEnum), description="Draft or finished.")
    placed_as = graphene.Field(
        graphene.NonNull(PlacedAsEnum), description="Started by the resident, proxy or makelaar."
    )
    finished_as = graphene.Field(
        PlacedAsEnum, description="Finished by the resident, proxy or makelaar; null if draft."
    )
    next_question = graphene.Field(QuestionKeyEnum, description="The first unanswered question; null when all are.")
    answers = graphene.List(graphene.NonNull(WijzerAnswer), required=True, description="The answers so far.")
    questions = graphene.List(
        graphene.NonNull(WijzerQuestion), required=True, description="The questions with the answers they offer now."
    )
    rule_version = graphene.Int(description="The version of the wijk's rules that made the outcome; null if draft.")
    suggestions = graphene.List(
        graphene.NonNull(WijzerSuggestion), required=True, description="The outcome in order; empty while a draft."
    )
    application = graphene.Field(WijzerApplication, description="The application to the municipality, if sent.")
    created_at = graphene.DateTime(required=True, description="When it was started.")
    finished_at = graphene.DateTime(description="When it was finished.")

    class Meta:
        name = "SelfAssessment"
        model = Assessment
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        if pk is None:
            return None
        return assessments_of(viewer(info).actor).select_related(*SELF_ASSESSMENT_RELATED).filter(pk=pk).first()

    @staticmethod
    def resolve_finished_as(assessment: Assessment, info):
        return assessment.finished_as or None

    @staticmethod
    def resolve_next_question(assessment: Assessment, info):
        return questions.first_unanswered(assessment.answers)

    @staticmethod
    def resolve_answers(assessment: Assessment, info):
        reading(info, assessment)
        return [
            WijzerAnswer(question=key, text=text, values=assessment.answers.get(key, []), labels=labels)
            for key, text, labels in answered(assessment)
            if labels
        ]

    @staticmethod
    def resolve_questions(assessment: Assessment, info):
        reading(info, assessment)
        return question_list(assessment.answers)

    @staticmethod
    def resolve_rule_version(assessment: Assessment, info):
        return assessment.rule_set.version if assessment.rule_set else None

    @staticmethod
    def resolve_suggestions(assessment: Assessment, info):
        reading(info, assessment)
        return [
            WijzerSuggestion(
                rule=s.number,
                kind=s.kind,
                kind_label=s.kind_label,
                title=s.title,
                text=s.text,
                tasks=s.tasks,
                why=s.why,
                request_url=s.request_url or None,
                providers=[provider for provider, _why in s.providers],
                application_url=s.application_url or None,
            )
            for s in outcome_of(assessment, info.context.tenant)
        ]

    @staticmethod
    def resolve_application(assessment: Assessment, info):
        reading(info, assessment)
        return getattr(assessment, "application", None)
