"""Who reaches which place. Places are public information of the wijk (anyone may read them, also without logging
in: the counter is how people who are not online find help); only the wijk admin changes them (actions.py checks
Perm.MANAGE_PLACES). A missing place and one of another wijk raise the same NotFound."""

from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.places.models import Place
from wijkmarkt.tenants.places.selectors import places


def place_for(place_id) -> Place:
    """A place of the active wijk's schema by id (a number), else NotFound."""
    text = str(place_id)
    if not (text.isascii() and text.isdigit() and len(text) < 19):
        raise NotFound
    place = places().filter(pk=int(text)).first()
    if place is None:
        raise NotFound
    return place
