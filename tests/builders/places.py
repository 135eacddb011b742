"""Places of a wijk ("In de wijk") made through the action, as a wijk admin would."""

from datetime import time

from django_tenants.utils import tenant_context

from wijkmarkt.tenants.membership.selectors import actor_for
from wijkmarkt.tenants.places.actions import PlaceInput, save_place


def add_place(wijk, admin, **overrides):
    values = {
        "kind": "meeting_place",
        "name": "De Hamelink",
        "address": "Slachthuisplein 1",
        "postcode": "2033 AB",
        "hours": [(1, time(9), time(12)), (1, time(13), time(17)), (3, time(10), time(14))],
    }
    with tenant_context(wijk):
        return save_place(actor=actor_for(admin.user), data=PlaceInput(**{**values, **overrides}))
