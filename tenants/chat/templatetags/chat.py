"""Template tags of the chat: the total of unread messages for the menu, and for the marketplace's pages an
exchange's thread and the conversation of an exchange or a ring (the marketplace shows and links them without
knowing the chat). Reads, never a write."""

from django import template

from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.chat.selectors import exchange_thread, unread_counts
from wijkmarkt.tenants.membership.selectors import request_membership

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages(context) -> int | None:
    """Unread messages of the viewer in this wijk, or None when the wijk has no chat or the viewer is no member
    (the menu then shows no "Berichten" link)."""
    request = context.get("request")
    wijk = getattr(request, "tenant", None)
    if request is None or not getattr(request, "actor", None) or not request.actor.is_member:
        return None
    if not hasattr(wijk, "has_module") or not wijk.has_module(Module.CHAT):
        return None
    member = request_membership(request)
    return sum(unread_counts(member, wijk).values()) if member else None


@register.simple_tag
def conversation_of(subject):
    """The conversation of an exchange (its thread) or a ring (its group talk), or None while there is none."""
    return getattr(subject, "conversation", None)


@register.simple_tag
def exchange_messages(exchange, *, with_hidden: bool = False):
    """The exchange's thread, oldest first; with_hidden for moderators, who also see the messages they hid."""
    return exchange_thread(exchange, with_hidden=with_hidden)
