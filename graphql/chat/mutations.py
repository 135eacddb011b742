"""Chat mutations: the direct conversation with another member of this wijk, the existing one or a new one. A
message is never sent through the API: the socket (realtime/) and the chat page send it, through send_message."""

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkmarkt.graphql.chat.types import ConversationType
from wijkmarkt.graphql.core.errors import permission_denied
from wijkmarkt.graphql.core.ids import local_pk
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.graphql.core.types import error_type
from wijkmarkt.tenants.chat.actions import start_direct_conversation
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import request_membership


class ChatErrorCode(graphene.Enum):
    """Why a conversation could not be started."""

    UNKNOWN_MEMBER = "UNKNOWN_MEMBER"
    BLOCKED = "BLOCKED"
    INVALID_CHOICE = "INVALID_CHOICE"
    INVALID = "INVALID"


ChatError = error_type("ChatError", ChatErrorCode)


class StartConversation(BaseMutation):
    """The direct conversation with another member of this wijk (the existing one, or a new one)."""

    class Arguments:
        member_id = graphene.ID(required=True, description="The other member (a Membership ID of this wijk).")

    conversation = graphene.Field(ConversationType)
    errors = graphene.List(graphene.NonNull(ChatError), required=True)
    error_code_enum = ChatErrorCode

    @classmethod
    def perform(cls, info, member_id) -> dict:
        require_wijk_domain(info)
        member = request_membership(info.context)
        if member is None or member.suspended_at is not None:
            raise permission_denied()
        pk = local_pk(member_id, "Membership")
        other = Membership.objects.filter(pk=pk).first() if pk is not None else None
        if other is None:
            raise ValidationError(
                {"member_id": ValidationError(_("Deze buur bestaat niet in deze wijk."), code="unknown_member")}
            )
        return {"conversation": start_direct_conversation(member=member, other=other)}


class ChatMutations(graphene.ObjectType):
    start_conversation = StartConversation.Field()
