"""Reports, their handling by moderators, blocking members and lifting a suspension."""

import graphene

from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.permissions import require
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import MarketplaceMutation, neighbour_of, on_behalf_of_argument
from wijkmarkt.graphql.marketplace.types.enums import ReportOutcomeEnum
from wijkmarkt.graphql.marketplace.types.listings import ListingType
from wijkmarkt.graphql.marketplace.types.moderation import ReportType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.tenants.marketplace.actions import moderation as moderation_actions


def _message_type(info):
    """The chat's `Message` type, as the schema holds it (types/exchanges.py says why it is not imported)."""
    return info.schema.get_type("Message").graphene_type


class FileReport(MarketplaceMutation):
    """Report one listing, message or member to the wijk's moderators."""

    class Arguments:
        reason = graphene.String(required=True, description="What is wrong, at most 500 characters.")
        listing_id = graphene.ID(description="The listing to report (a Listing ID).")
        message_id = graphene.ID(description="The message to report (a Message ID).")
        member_id = graphene.ID(description="The member to report (a Membership ID).")
        on_behalf_of = on_behalf_of_argument()

    reported = graphene.Boolean(description="The report reached the moderators.")

    @classmethod
    def act(cls, info, wijk, reason, listing_id=None, message_id=None, member_id=None, on_behalf_of=None) -> dict:
        moderation_actions.report(
            actor=viewer(info).actor,
            reporter=acting_member(info, on_behalf_of),
            reason=reason,
            listing=find_node(ListingType, info, listing_id) if listing_id else None,
            message=find_node(_message_type(info), info, message_id) if message_id else None,
            member=neighbour_of(info, member_id) if member_id else None,
        )
        return {"reported": True}


class HandleReport(MarketplaceMutation):
    """Dismiss a report, hide the listing or message, warn its author or suspend them; the reason is kept."""

    class Arguments:
        report_id = graphene.ID(required=True, description="The report (a Report ID).")
        outcome = ReportOutcomeEnum(required=True, description="What happens (not OPEN).")
        reason = graphene.String(required=True, description="Why, kept with the report, at most 500 characters.")

    report = graphene.Field(ReportType, description="The handled report.")

    @classmethod
    def act(cls, info, wijk, report_id, outcome, reason) -> dict:
        require(info, Perm.MODERATE)
        report = find_node(ReportType, info, report_id)
        handled = moderation_actions.handle_report(
            actor=viewer(info).actor, moderator=viewer(info).member, report=report, outcome=outcome, reason=reason
        )
        return {"report": handled}


class BlockMember(MarketplaceMutation):
    """Block a member: no more contact either way."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The member to block (a Membership ID).")
        on_behalf_of = on_behalf_of_argument()

    blocked = graphene.Field(Neighbour, description="The blocked member.")

    @classmethod
    def act(cls, info, wijk, member_id, on_behalf_of=None) -> dict:
        blocked = neighbour_of(info, member_id)
        moderation_actions.block_member(
            actor=viewer(info).actor, blocker=acting_member(info, on_behalf_of), blocked=blocked
        )
        return {"blocked": blocked}


class UnblockMember(MarketplaceMutation):
    """Lift your block of a member."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The blocked member (a Membership ID).")
        on_behalf_of = on_behalf_of_argument()

    unblocked = graphene.Field(Neighbour, description="The member no longer blocked.")

    @classmethod
    def act(cls, info, wijk, member_id, on_behalf_of=None) -> dict:
        blocked = neighbour_of(info, member_id)
        moderation_actions.unblock_member(
            actor=viewer(info).actor, blocker=acting_member(info, on_behalf_of), blocked=blocked
        )
        return {"unblocked": blocked}


class LiftSuspension(MarketplaceMutation):
    """A moderator lets a suspended member post and respond again."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The suspended member (a Membership ID).")

    member = graphene.Field(Neighbour, description="The member.")

    @classmethod
    def act(cls, info, wijk, member_id) -> dict:
        require(info, Perm.MODERATE)
        member = neighbour_of(info, member_id)
        return {"member": moderation_actions.lift_suspension(actor=viewer(info).actor, member=member)}
