"""What every household-help page shares: who may enter, and the facts a provider or request shows (what help,
which times) worked out in one place."""

from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.care.access import may_read_directory
from wijkmarkt.tenants.care.selectors import activity_labels, slot_label
from wijkmarkt.tenants.membership.pages import module_page

# Members of a wijk with household help switched on, and relatives acting as a member's proxy.
care_page = module_page(Module.CARE, may_enter=lambda request: may_read_directory(request.actor))


def help_facts(activities: list[str], slots: list[str]) -> dict:
    """What help and which times, in words, for a provider or a request."""
    return {"activities": activity_labels(activities), "times": [slot_label(slot) for slot in slots]}
