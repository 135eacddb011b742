"""Wijzer queries: the questions, one's own and one's principals' assessments (every one of the wijk for the
makelaar), and one by ID. Everything resolves in the request's wijk; an ID of another wijk, or of an assessment the
viewer may not reach, is null."""

import graphene

from wijkmarkt.graphql.care.queries import care_wijk
from wijkmarkt.graphql.core.connections import CappedConnectionField
from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.wijzer.types import SELF_ASSESSMENT_RELATED, SelfAssessmentType, WijzerQuestion, question_list
from wijkmarkt.tenants.wijzer.access import assessments_of


class WijzerQueries(graphene.ObjectType):
    wijzer_questions = graphene.List(
        graphene.NonNull(WijzerQuestion),
        required=True,
        description="The Eigen Kracht Wijzer's questions in order, with the answers they offer to a new assessment.",
    )
    self_assessments = CappedConnectionField(
        SelfAssessmentType,
        description="Eigen Kracht Wijzers the viewer may read, newest first: their own, their principals' (proxy), "
        "and every one of the wijk for the makelaar.",
    )
    self_assessment = WijkNode.Field(
        SelfAssessmentType,
        description="One Eigen Kracht Wijzer by ID; null if missing, not the viewer's to read, or of another wijk.",
    )

    @staticmethod
    def resolve_wijzer_questions(root, info):
        care_wijk(info)
        return question_list({})

    @staticmethod
    def resolve_self_assessments(root, info, **_page):
        care_wijk(info)
        return assessments_of(viewer(info).actor).select_related(*SELF_ASSESSMENT_RELATED).order_by("-created_at")
