"""The one check of every console field: on the portal's domain (WRONG_DOMAIN elsewhere), by a coordinator
(PERMISSION_DENIED otherwise). The domain is checked first, so a wijk domain never says whether you are one."""

from wijkmarkt.graphql.core.errors import permission_denied
from wijkmarkt.graphql.core.permissions import require_portal
from wijkmarkt.platform.console.access import is_coordinator


def require_coordinator_on_portal(info):
    require_portal(info)
    user = info.context.user
    if not is_coordinator(user):
        raise permission_denied()
    return user
