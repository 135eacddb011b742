"""Chat queries: the viewer's conversations in this wijk with their unread counts, for members only; which
conversations are theirs is tenants/chat/access.py's to say."""

import graphene

from wijkmarkt.graphql.chat.types import ConversationType
from wijkmarkt.graphql.core.errors import permission_denied
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.tenants.chat.access import conversations_of
from wijkmarkt.tenants.chat.selectors import unread_counts
from wijkmarkt.tenants.membership.selectors import request_membership


class ChatQueries(graphene.ObjectType):
    conversations = graphene.List(
        graphene.NonNull(ConversationType),
        required=True,
        description="The viewer's conversations in this wijk, with unread counts (members only).",
    )

    @staticmethod
    def resolve_conversations(root, info):
        wijk = require_wijk_domain(info)
        member = request_membership(info.context)
        if member is None:
            raise permission_denied()
        counts = unread_counts(member, wijk)
        conversations = list(conversations_of(member, wijk).order_by("-created_at"))
        for conversation in conversations:
            conversation.unread = counts.get(conversation.pk, 0)
        return conversations
