"""Template tags of household help: whether the menu shows "Hulp in huis". A read, never a write."""

from django import template

from wijkmarkt.platform.wijken.models import Module

register = template.Library()


@register.simple_tag(takes_context=True)
def has_care(context) -> bool:
    """Whether this wijk has household help switched on (the menu only shows it to members)."""
    wijk = getattr(context.get("request"), "tenant", None)
    return hasattr(wijk, "has_module") and wijk.has_module(Module.CARE)
