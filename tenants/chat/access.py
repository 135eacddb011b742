"""Who is in which conversation, checked on every frame and every read. A conversation one is not in answers like
one that does not exist (NotFound), in this wijk or any other."""

from django.db.models import Q, QuerySet

from wijkmarkt.platform.accounts.models import Role
from wijkmarkt.platform.wijken.models import Module, Wijk
from wijkmarkt.tenants.chat.models import Conversation
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import Membership


def conversations_of(member: Membership, wijk: Wijk) -> QuerySet[Conversation]:
    mine = Q(participants__member=member) | Q(kind=Conversation.Kind.INBOX, inbox_member=member)
    if member.role == Role.MAKELAAR:
        mine |= Q(kind=Conversation.Kind.INBOX)  # the makelaars answer the inbox as a team
    if wijk.has_module(Module.BUURTKAMER):
        mine |= Q(kind=Conversation.Kind.BUURTKAMER)
    return Conversation.objects.filter(mine).distinct()


def conversation_for(member: Membership | None, wijk: Wijk, conversation_id) -> Conversation:
    if member is None or not isinstance(conversation_id, int) or isinstance(conversation_id, bool):
        raise NotFound
    conversation = conversations_of(member, wijk).filter(pk=conversation_id).first()
    if conversation is None:
        raise NotFound
    return conversation
