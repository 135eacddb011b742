"""Reports in the wijk's moderation queue (moderators only). A reported message is the chat's `Message` type,
named by its import path (types/exchanges.py says why)."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import REPORT_RELATED
from wijkmarkt.graphql.marketplace.types.enums import ReportOutcomeEnum, ReportTargetEnum
from wijkmarkt.graphql.marketplace.types.exchanges import MESSAGE_TYPE
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.tenants.marketplace.models import Report


class ReportType(DjangoObjectType):
    """A report in the wijk's moderation queue (moderators only)."""

    target = graphene.Field(graphene.NonNull(ReportTargetEnum), description="A listing, a message or a member.")
    reporter = graphene.Field(graphene.NonNull(Neighbour), description="Who reported it.")
    listing = graphene.Field(ListingType, description="The reported listing.")
    message = graphene.Field(MESSAGE_TYPE, description="The reported message.")
    member = graphene.Field(Neighbour, description="The reported member.")
    reason = graphene.String(required=True, description="Why it was reported.")
    outcome = graphene.Field(graphene.NonNull(ReportOutcomeEnum), description="What moderation did.")
    handled_by = graphene.Field(Neighbour, description="The moderator who handled it.")
    handled_reason = graphene.String(required=True, description="The moderator's reason, kept.")
    created_at = graphene.DateTime(required=True, description="When it was reported.")
    handled_at = graphene.DateTime(description="When it was handled.")

    class Meta:
        name = "Report"
        model = Report
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        if pk is None or not viewer(info).is_moderator:
            return None
        return Report.objects.select_related(*REPORT_RELATED).filter(pk=pk).first()
