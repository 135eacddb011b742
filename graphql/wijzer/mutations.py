"""Wijzer mutations: start (or resume) an assessment, answer one question, finish it. Each calls one action of
tenants/wijzer/actions.py and returns the assessment plus `errors`; with errors nothing is written."""

import graphene

from wijkmarkt.graphql.care.mutations import CareMutation
from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.types import enum_value, error_codes, error_type
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.wijzer.types import SELF_ASSESSMENT_RELATED, QuestionKeyEnum, SelfAssessmentType
from wijkmarkt.tenants.wijzer import actions
from wijkmarkt.tenants.wijzer.errors import WijzerErrorCode as DomainErrorCode
from wijkmarkt.tenants.wijzer.models import Assessment

WijzerErrorCode = error_codes(
    "WijzerErrorCode", DomainErrorCode, "Why a Wijzer change did not go through; `message` says it in words."
)
WijzerError = error_type("WijzerError", WijzerErrorCode)


class WijzerMutation(CareMutation):
    """The Wijzer is part of the care module: the same domain, paused-wijk and suspension checks."""

    class Meta:
        abstract = True

    errors = graphene.List(
        graphene.NonNull(WijzerError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = WijzerErrorCode

    self_assessment = graphene.Field(SelfAssessmentType, description="The assessment as it is now.")


def _payload(assessment: Assessment) -> dict:
    return {"self_assessment": Assessment.objects.select_related(*SELF_ASSESSMENT_RELATED).get(pk=assessment.pk)}


def _assessment_argument():
    return graphene.ID(required=True, description="The assessment (a SelfAssessment ID).")


class StartSelfAssessment(WijzerMutation):
    """Start the Wijzer for yourself or (as proxy or makelaar) for a resident; an unfinished one is resumed."""

    class Arguments:
        on_behalf_of = graphene.ID(description="The resident you act for (a Membership ID); default yourself.")

    @classmethod
    def act(cls, info, wijk, on_behalf_of=None) -> dict:
        member = acting_member(info, on_behalf_of)
        return _payload(actions.start_assessment(actor=viewer(info).actor, member=member))


class AnswerSelfAssessment(WijzerMutation):
    """Answer (or change the answer to) one question of an unfinished assessment."""

    class Arguments:
        assessment_id = _assessment_argument()
        question = QuestionKeyEnum(required=True, description="Which question.")
        answer = graphene.List(
            graphene.NonNull(graphene.String),
            required=True,
            description="The codes chosen (see `wijzerQuestions`); one for a single-answer question.",
        )

    @classmethod
    def act(cls, info, wijk, assessment_id, question, answer) -> dict:
        assessment = find_node(SelfAssessmentType, info, assessment_id)
        key = enum_value(question)
        return _payload(
            actions.answer_question(actor=viewer(info).actor, assessment=assessment, question=key, values=list(answer))
        )


class FinishSelfAssessment(WijzerMutation):
    """Finish an assessment whose questions are all answered: the outcome is made with the wijk's current rules."""

    class Arguments:
        assessment_id = _assessment_argument()

    @classmethod
    def act(cls, info, wijk, assessment_id) -> dict:
        assessment = find_node(SelfAssessmentType, info, assessment_id)
        return _payload(actions.finish_assessment(actor=viewer(info).actor, assessment=assessment))


class WijzerMutations(graphene.ObjectType):
    start_self_assessment = StartSelfAssessment.Field()
    answer_self_assessment = AnswerSelfAssessment.Field()
    finish_self_assessment = FinishSelfAssessment.Field()
