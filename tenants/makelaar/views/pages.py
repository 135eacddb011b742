"""What the makelaar's pages share: who may enter (the wijk's makelaars for their work; every member for reporting a
worry and for their own case summary)."""

from wijkmarkt.platform.accounts.permissions import Perm
from wijkmarkt.platform.wijken.models import Module
from wijkmarkt.tenants.membership.pages import module_page, requires

# The makelaar's work is part of the marketplace: a wijk with the marketplace has a makelaar.
member_page = module_page(Module.MARKETPLACE)


def makelaar_page(perm: Perm = Perm.KEEP_CASES):
    """A page of the makelaar's own work: members without the permission are told so (403), never shown it."""

    def decorator(view):
        return member_page(requires(perm)(view))

    return decorator
